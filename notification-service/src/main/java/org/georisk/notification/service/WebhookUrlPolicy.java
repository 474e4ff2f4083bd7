package org.georisk.notification.service;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs may be called, and at which address: http(s) only, no credentials, a host whose every address
 * passes {@link WebhookAddressRules}. The host is resolved once per check and the result pins the address the sender
 * connects to ({@link WebhookTarget}), so a name that answers differently on a second lookup (DNS rebinding) gains
 * nothing: there is no second lookup. A subscriber must not be able to make the service probe its own network.
 */
public final class WebhookUrlPolicy {

    /** Either a target to connect to or why the URL is refused. */
    public record Check(WebhookTarget target, String refusal) {
        static Check refused(String reason) {
            return new Check(null, reason);
        }
    }

    private final WebhookAddressRules rules;
    private final HostResolver resolver;

    public WebhookUrlPolicy(boolean allowLoopback) {
        this(allowLoopback, HostResolver.SYSTEM);
    }

    public WebhookUrlPolicy(boolean allowLoopback, HostResolver resolver) {
        this.rules = new WebhookAddressRules(allowLoopback);
        this.resolver = resolver;
    }

    /** Why the URL is refused, or empty when it may be called. Resolves the host (DNS). */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url).refusal());
    }

    public Check check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Check.refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Check.refused("must be an http or https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Check.refused("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Check.refused("must not carry credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Check.refused("host " + host + " cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            return Check.refused("host " + host + " cannot be resolved");
        }
        // The JDK turns a literal [::ffff:a.b.c.d] into a plain IPv4 address; the literal itself is refused anyway.
        if (host.startsWith("[") && addresses[0] instanceof Inet4Address) {
            return Check.refused("is an IPv6 address carrying an IPv4 address");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = rules.refusal(address);
            if (refused.isPresent()) {
                return Check.refused("resolves to " + address.getHostAddress() + ", which " + refused.get());
            }
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : (tls ? 443 : 80);
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return new Check(new WebhookTarget(uri, bareHost, port, tls, addresses[0]), null);
    }
}
