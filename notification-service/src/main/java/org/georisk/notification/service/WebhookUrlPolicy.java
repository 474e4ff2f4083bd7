package org.georisk.notification.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs may be called: http(s) only, and, unless private targets are allowed (local run, tests), no
 * host that resolves to a loopback, link-local, site-local, unique-local, carrier-grade NAT, wildcard or multicast
 * address — a subscriber must not be able to make the service probe its own network.
 */
public final class WebhookUrlPolicy {

    private final boolean allowPrivate;

    public WebhookUrlPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL is refused, or empty when it may be called. Resolves the host (DNS). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " cannot be resolved");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return Optional.of("resolves to a loopback, link-local or private address ("
                            + address.getHostAddress() + ")");
                }
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10 carrier-grade NAT
    }
}
