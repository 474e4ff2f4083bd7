package org.georisk.notification.service;

import java.net.InetAddress;
import java.net.URI;

/**
 * A webhook URL that passed {@link WebhookUrlPolicy}, with the one address it was checked against: the sender
 * connects to exactly that address (no second DNS lookup, so a rebinding name cannot swap it), while the Host header
 * and TLS (SNI, certificate) still use the URL's host name.
 */
public record WebhookTarget(URI uri, String host, int port, boolean tls, InetAddress address) {

    /** Path and query, as sent in the request line. */
    public String requestUri() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
