package org.georisk.bench.storm;

import java.nio.charset.StandardCharsets;

/**
 * The storm's cases about the request around the body: missing and wrong keys, path tricks, header abuse and
 * framing (conflicting lengths, broken chunked encoding, no Host, odd methods and versions). None of them may get
 * past the gateway to a 2xx that changes anything, and none may end in a 5xx or a dropped connection.
 */
final class ProtocolAbuse {

    private ProtocolAbuse() {
    }

    static void addTo(HostileRequests r, HostileBodies b, HostileRequests.Keys keys) {
        String json = HostileRequests.JSON;
        String events = HostileRequests.EVENTS;
        String[] badKeys = {null, "", "wrong-key", "k".repeat(10_000), keys.analyst(), "dev-feed-key\u00ff",
                keys.feed() + "%00"};
        r.body("keys", "post-event", 0, i -> {
            HostileRequest.Builder req = HostileRequest.of("", "").target(events).type(json).body(b.event("key", i));
            String key = badKeys[i % badKeys.length];
            return key == null ? req : req.key(key);
        });
        r.body("keys", "feed-key-on-ops", 0, i -> HostileRequest.of("", "").method("GET").target("/api/v1/ops/keys")
                .key(keys.feed()));
        r.body("keys", "forged-role-headers", 0, i -> HostileRequest.of("", "").target("/api/v1/ops/feeds")
                .key(keys.feed()).type(json).header("X-GeoRisk-Role: OPS").header("X-GeoRisk-Principal: ops")
                .body("{\"name\":\"storm-forged\"}"));
        r.body("keys", "two-keys", 0, i -> HostileRequest.of("", "").target("/api/v1/ops/feeds").key(keys.feed())
                .key(keys.ops()).type(json).body("{\"name\":\"storm-two-keys\"}"));
        r.body("keys", "unsigned-jwt", 0, i -> HostileRequest.of("", "").method("GET").target("/api/v1/ops/keys")
                .header("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJncm91cHMiOlsiT1BTIl0sInN1YiI6Im9wcyJ9."));
        r.body("keys", "stream-wrong-key", 0, i -> HostileRequest.of("", "").method("GET")
                .target("/api/v1/stream/alerts").key("wrong").header("Accept: text/event-stream")
                .header("Last-Event-ID: " + "9".repeat(500)));

        String[] targets = {"/api/v1/events/../ops/keys", "/api/v1/%2e%2e/ops/keys", "//api/v1/ops/keys",
                "/api/v1/assessments/..%2F..%2Fq%2Fhealth", "/api/v1/assessments/AZE-RUS%00",
                "/api/v1/assessments/" + "A".repeat(10_000), "/api/v1/subscriptions/%ff%fe",
                "/API/V1/EVENTS", "/api/v1/events?pair=%zz", "/api/v1/events?pair=AZE-RUS&size=99999999999&page=-1",
                "/api/v1/assessments?minLevel=%3Cscript%3E", "/api/v1/assessments/AZE-RUS?at=99999999999999999999",
                "/api/v1/assessments/AZE-RUS/history?from=yesterday&to=%", "/api/v1/events;jsessionid=1?pair=AZE-RUS",
                "/q/../api/v1/ops/keys", "/api/v1/events?" + "p=1&".repeat(2_000), "/api/v1/assessments/%c0%ae%c0%ae",
                "http://evil.example/api/v1/ops/keys", "/api/v1/assessments/RUS-AZE/../../../../etc/passwd",
                "/api/v1/events?pair=AZE-RUS&from=1e400&to=NaN", "/api/v1/assessments?actor=' OR 1=1 --"};
        r.body("paths", "get", 0, i -> HostileRequest.of("", "").method("GET").target(targets[i % targets.length])
                .key(i % 2 == 0 ? keys.analyst() : keys.ops()));
        r.body("paths", "delete-subscription", 0, i -> HostileRequest.of("", "").method("DELETE")
                .target("/api/v1/subscriptions/" + new String[]{"..%2f..%2fops%2fkeys", "%27%20OR%201=1", "*",
                        "00000000-0000-0000-0000-000000000000", "x".repeat(3000)}[i % 5]).key(keys.analyst()));
        r.body("paths", "resend-dead-letter", 0, i -> HostileRequest.of("", "")
                .target("/api/v1/ops/dead-letters/" + new String[]{"-1", "..%2F..%2Fkeys", "1e400", "%00"}[i % 4] + "/resend")
                .key(keys.ops()));
        r.body("paths", "options-star", 0, i -> HostileRequest.of("", "").method("OPTIONS").target("*"));

        r.body("headers", "hundred-headers", 0, i -> {
            HostileRequest.Builder req = HostileRequest.of("", "").key(keys.feed()).type(json).body(b.calmEvent("hdr", i));
            for (int h = 0; h < 100; h++) {
                req.header("X-Storm-" + h + ": " + "v".repeat(50));
            }
            return req;
        });
        r.body("headers", "20kb-value", 0, i -> HostileRequest.of("", "").key(keys.feed()).type(json)
                .header("X-Storm: " + "v".repeat(20_000)).body(b.calmEvent("hdr20", i)));
        r.body("headers", "100kb-value", 2, i -> HostileRequest.of("", "").key(keys.feed()).type(json)
                .header("Cookie: " + "c=".repeat(50_000)).body(b.calmEvent("hdr100", i)));
        r.body("headers", "two-content-types", 0, i -> HostileRequest.of("", "").key(keys.feed()).type(json)
                .type(HostileRequests.NDJSON).body(b.calmEvent("twotypes", i)));
        r.body("headers", "forwarded-spoof", 0, i -> HostileRequest.of("", "").key("wrong").type(json)
                .header("X-Forwarded-For: " + "10.0.0.1, ".repeat(500) + "127.0.0.1").header("Forwarded: for=127.0.0.1")
                .header("X-Real-IP: 127.0.0.1").body(b.event("fwd", i)));
        r.body("headers", "content-encoding-gzip", 0, i -> HostileRequest.of("", "").key(keys.feed()).type(json)
                .header("Content-Encoding: gzip").body(b.calmEvent("gzip", i)));
        r.body("headers", "accept-xml", 0, i -> HostileRequest.of("", "").method("GET")
                .target("/api/v1/assessments/AZE-RUS").key(keys.analyst()).header("Accept: application/xml")
                .header("Range: bytes=0-1,-5").header("Accept-Charset: utf-7"));
        r.body("headers", "header-without-colon", 0, i -> HostileRequest.of("", "").key(keys.feed()).type(json)
                .header("Not a header line").body(b.calmEvent("nocolon", i)));
        r.body("headers", "space-in-name", 0, i -> HostileRequest.of("", "").key(keys.feed()).type(json)
                .header("X Storm : 1").body(b.calmEvent("spacename", i)));

        r.add("framing", "conflicting-lengths", 0, i -> framed(keys, b.event("cl2", i),
                "Content-Length: 5", "Content-Length: 500"));
        r.add("framing", "length-and-chunked", 0, i -> framed(keys, chunked(b.calmEvent("smuggle", i)),
                "Content-Length: 4", "Transfer-Encoding: chunked"));
        r.add("framing", "broken-chunked", 0, i -> protocolRefusal(framed(keys,
                "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "Transfer-Encoding: chunked")));
        r.add("framing", "gzip-chunked", 0, i -> protocolRefusal(framed(keys, chunked(b.calmEvent("tegzip", i)),
                "Transfer-Encoding: gzip, chunked")));
        r.add("framing", "no-host", 0, i -> {
            byte[] body = b.calmEvent("nohost", i).getBytes(StandardCharsets.UTF_8);
            return HostileRequest.of("", "").ownFraming().key(keys.feed()).type(json)
                    .header("Content-Length: " + body.length).header("Connection: close").body(body).build();
        });
        r.body("framing", "http-1.0", 0, i -> HostileRequest.of("", "").version("HTTP/1.0").key(keys.feed()).type(json)
                .body(b.calmEvent("http10", i)));
        r.body("framing", "odd-version", 0, i -> HostileRequest.of("", "").version("HTTP/9.9").key(keys.feed())
                .type(json).body(b.calmEvent("http99", i)).protocolRefusal());
        r.body("framing", "odd-method", 0, i -> HostileRequest.of("", "").method(new String[]{"FOO", "TRACE", "PATCH",
                "CONNECT", "PUT", "DELETE"}[i % 6]).key(keys.feed()).type(json).body(b.event("method", i)));
    }

    private static HostileRequest framed(HostileRequests.Keys keys, String body, String... framing) {
        return framed(keys, body.getBytes(StandardCharsets.UTF_8), framing);
    }

    private static HostileRequest framed(HostileRequests.Keys keys, byte[] body, String... framing) {
        HostileRequest.Builder req = HostileRequest.of("", "").ownFraming().header("Host: 127.0.0.1")
                .key(keys.feed()).type(HostileRequests.JSON).header("Connection: close");
        for (String f : framing) {
            req.header(f);
        }
        return req.body(body).build();
    }

    private static HostileRequest protocolRefusal(HostileRequest r) {
        return new HostileRequest(r.family(), r.name(), r.requestLine(), r.headers(), r.body(), r.ownFraming(), true);
    }

    private static byte[] chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HostileBodies.concat((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                bytes, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
