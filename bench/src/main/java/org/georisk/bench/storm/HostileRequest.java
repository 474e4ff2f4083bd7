package org.georisk.bench.storm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of the storm, as bytes on the wire. {@code family} groups the cases in the report (json, ndjson,
 * gdelt, content-type, keys, paths, headers, ...); {@code name} is the case. Unless {@code ownFraming}, the head
 * gets Host, Content-Length and Connection: close; with it the case writes its own framing headers (conflicting
 * lengths, chunked encoding, no Host). {@code protocolRefusal}: the HTTP layer may refuse this request on its own
 * terms (RFC 9112): with 501 or 505 for an HTTP version or a transfer coding it does not speak, or by closing the
 * connection when it cannot find where a broken message ends. Those answers are counted apart and do not fail the
 * storm; any other 5xx or dropped connection does.
 */
record HostileRequest(String family, String name, String requestLine, List<String> headers, byte[] body,
                      boolean ownFraming, boolean protocolRefusal) {

    static Builder of(String family, String name) {
        return new Builder(family, name);
    }

    byte[] head(String hostPort) {
        StringBuilder s = new StringBuilder(requestLine).append("\r\n");
        if (!ownFraming) {
            s.append("Host: ").append(hostPort).append("\r\n");
        }
        headers.forEach(h -> s.append(h).append("\r\n"));
        if (!ownFraming) {
            s.append("Content-Length: ").append(body.length).append("\r\n").append("Connection: close\r\n");
        }
        // ISO-8859-1: header bytes go out exactly as written, including those a client library would refuse
        return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static final class Builder {
        private final String family;
        private final String name;
        private String method = "POST";
        private String target = "/api/v1/events";
        private String version = "HTTP/1.1";
        private final List<String> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean ownFraming;
        private boolean protocolRefusal;

        private Builder(String family, String name) {
            this.family = family;
            this.name = name;
        }

        Builder method(String m) {
            method = m;
            return this;
        }

        Builder target(String t) {
            target = t;
            return this;
        }

        Builder version(String v) {
            version = v;
            return this;
        }

        Builder key(String apiKey) {
            return header("X-API-Key: " + apiKey);
        }

        Builder type(String contentType) {
            return header("Content-Type: " + contentType);
        }

        Builder header(String line) {
            headers.add(line);
            return this;
        }

        Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        Builder body(byte[] bytes) {
            body = bytes;
            return this;
        }

        Builder ownFraming() {
            ownFraming = true;
            return this;
        }

        Builder protocolRefusal() {
            protocolRefusal = true;
            return this;
        }

        HostileRequest build() {
            return new HostileRequest(family, name, method + " " + target + " " + version, List.copyOf(headers), body,
                    ownFraming, protocolRefusal);
        }
    }
}
