package org.georisk.notification.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which IP addresses a webhook may connect to (docs/security.md, "Webhooks"): only public unicast ones. Refused in
 * every profile: 0.0.0.0/8, private (10/8, 172.16/12, 192.168/16), CGNAT 100.64/10 (also Alibaba's metadata
 * 100.100.100.200), link-local 169.254/16 (the cloud metadata 169.254.169.254), 192.0.0/24, the documentation and
 * benchmark nets (192.0.2/24, 198.18/15, 198.51.100/24, 203.0.113/24), multicast, 240/4 and the broadcast
 * 255.255.255.255; in IPv6 the unspecified address, unique-local fc00::/7 (AWS metadata fd00:ec2::254), link-local,
 * site-local, multicast, documentation, and every form that carries an IPv4 address (IPv4-mapped ::ffff:0:0/96,
 * IPv4-compatible ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32), because the
 * IPv4 address inside could be any of the above. Loopback (127/8, ::1) only when the local profile allows it.
 */
public final class WebhookAddressRules {

    private final boolean allowLoopback;

    public WebhookAddressRules(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why a connection to {@code address} is refused, or empty when it is a public unicast address. */
    public Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("is a loopback address");
        }
        if (address instanceof Inet4Address) {
            return ipv4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return ipv6(address.getAddress());
        }
        return Optional.of("is not an IP address");
    }

    private static Optional<String> ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Optional.of("is in 0.0.0.0/8 (this network)");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("is a private address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("is a carrier-grade NAT address (100.64.0.0/10)");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("is a link-local address (cloud metadata lives here)");
        }
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
            return Optional.of("is a reserved or documentation address");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("is in the benchmarking net 198.18.0.0/15");
        }
        if ((a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Optional.of("is a documentation address");
        }
        if (a0 >= 224) {
            return Optional.of("is a multicast, reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 2);
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (word(b, 10) == 0xffff || word(b, 10) == 0)) {
            // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and :: itself
            return Optional.of("is an IPv6 address carrying an IPv4 address (or the unspecified address)");
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return Optional.of("is a NAT64 address carrying an IPv4 address");
        }
        if (w0 == 0x2002) {
            return Optional.of("is a 6to4 address carrying an IPv4 address");
        }
        if (w0 == 0x2001 && w1 == 0) {
            return Optional.of("is a Teredo address carrying an IPv4 address");
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return Optional.of("is a documentation address");
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return Optional.of("is a unique-local address (fc00::/7)");
        }
        if ((w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0) {
            return Optional.of("is a link-local or site-local address");
        }
        if ((w0 & 0xff00) == 0xff00) {
            return Optional.of("is a multicast address");
        }
        if (w0 == 0x0100 && w1 == 0 && word(b, 4) == 0 && word(b, 6) == 0) {
            return Optional.of("is a discard-only address (100::/64)");
        }
        return Optional.empty();
    }

    private static int word(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
}
