package org.georisk.bench.storm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The storm's catalogue: every case a function of its copy number (so copies differ), and the plan that spreads N
 * requests over the cases in turn. Heavy cases (5 MB bodies, 100,000 lines, 10,000 levels, a 20 MB zip) are capped
 * at a few copies: they prove the point once or twice, and the storm shares two cores with the system it hits.
 * This class holds the body cases; {@link ProtocolAbuse} the keys, paths and headers.
 */
final class HostileRequests {

    /** The keys the storm holds: a valid one per role, to reach past authentication to the parsers. */
    record Keys(String feed, String analyst, String ops) { }

    record Case(String family, String name, int cap, IntFunction<HostileRequest> make) { }

    record Planned(Case c, int copy) {
        HostileRequest build() {
            return c.make().apply(copy);
        }
    }

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final String TSV = "text/tab-separated-values";
    static final String EVENTS = "/api/v1/events";
    static final String GDELT = "/api/v1/events/gdelt";

    private final List<Case> cases = new ArrayList<>();

    HostileRequests(HostileBodies b, Keys keys) {
        String feed = keys.feed();
        body("json", "broken", 0, i -> post(EVENTS, feed, JSON, b.broken(i)));
        body("json", "truncated", 0, i -> post(EVENTS, feed, JSON, b.truncated(i)));
        add("json", "invalid-utf8", 0, i -> HostileRequest.of("json", "invalid-utf8").key(feed).type(JSON)
                .body(b.invalidUtf8(i)).build());
        add("json", "bom", 0, i -> HostileRequest.of("json", "bom").key(feed).type(JSON).body(b.withBom(i)).build());
        body("json", "nesting-10000", 3, i -> post(EVENTS, feed, JSON, b.deepNesting(i)));
        body("json", "numbers", 0, i -> post(EVENTS, feed, JSON, b.hostileNumber(i)));
        body("json", "wrong-types", 0, i -> post(EVENTS, feed, JSON, b.wrongType(i)));
        body("json", "unknown-fields", 0, i -> post(EVENTS, feed, JSON, b.unknownFields(i)));
        add("json", "5mb", 2, i -> HostileRequest.of("json", "5mb").key(feed).type(JSON).body(b.fiveMegabytes(i)).build());

        body("ndjson", "invalid-lines", 0, i -> post(EVENTS, feed, NDJSON, b.ndjson(i)));
        add("ndjson", "invalid-utf8", 0, i -> HostileRequest.of("ndjson", "invalid-utf8").key(feed).type(NDJSON)
                .body(HostileBodies.concat(b.invalidUtf8(i), "\n".getBytes())).build());
        add("ndjson", "100000-lines", 2, i -> HostileRequest.of("ndjson", "100000-lines").key(feed).type(NDJSON)
                .body(b.hundredThousandLines(i)).build());
        add("ndjson", "5mb", 1, i -> HostileRequest.of("ndjson", "5mb").key(feed).type(NDJSON)
                .body(b.fiveMegabytes(i)).build());
        body("ndjson", "nesting-10000", 1, i -> post(EVENTS, feed, NDJSON, b.deepNesting(i) + "\n"));

        body("gdelt", "wrong-columns-crlf", 0, i -> post(GDELT, feed, TSV, b.gdelt(i)));
        body("gdelt", "json-as-tsv", 0, i -> post(GDELT, feed, TSV, b.event("gdelt-json", i)));
        add("gdelt", "zip", 2, i -> HostileRequest.of("gdelt", "zip").key(feed).type("application/zip")
                .body(b.zip(i)).build());
        add("gdelt", "5mb", 1, i -> HostileRequest.of("gdelt", "5mb").key(feed).type(TSV)
                .body(b.fiveMegabytes(i)).build());

        String[] types = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/json, application/x-ndjson", "*/*", "", "application/" + "x".repeat(2000),
                "text/html; charset=\""};
        for (int t = 0; t < types.length; t++) {
            String type = types[t];
            body("content-type", "type-" + t, 0, i -> post(EVENTS, feed, type, b.event("ctype", i)));
        }
        // spellings of JSON a server may rightly accept (media types ignore case; JSON's charset is UTF-8 anyway)
        String[] calmTypes = {"application/json; charset=ISO-8859-1", "APPLICATION/JSON; q=0"};
        for (int t = 0; t < calmTypes.length; t++) {
            String type = calmTypes[t];
            body("content-type", "calm-" + t, 0, i -> post(EVENTS, feed, type, b.calmEvent("ctype", i)));
        }
        body("content-type", "none", 0, i -> HostileRequest.of("content-type", "none").key(feed)
                .body(b.event("no-ctype", i)));
        body("content-type", "ndjson-to-gdelt", 0, i -> post(GDELT, feed, NDJSON, b.event("ndjson-gdelt", i) + "\n"));
        body("content-type", "json-to-ops", 0, i -> HostileRequest.of("content-type", "json-to-ops").key(keys.ops())
                .type("text/plain").target("/api/v1/ops/keys").body("{\"name\":\"storm\",\"role\":\"ops\"}"));

        String analyst = keys.analyst();
        String[] webhooks = {"file:///etc/passwd", "gopher://127.0.0.1:8081/", "javascript:alert(1)", "http://",
                "not a url", "http://" + "a".repeat(3000) + ".example/"};
        body("subscriptions", "bad-webhook", 0, i -> post("/api/v1/subscriptions", analyst, JSON,
                "{\"name\":\"storm-" + i + "\",\"webhook\":{\"url\":\"" + webhooks[i % webhooks.length]
                        + "\",\"secret\":\"s\"}}"));
        body("subscriptions", "wrong-types", 0, i -> post("/api/v1/subscriptions", analyst, JSON,
                new String[]{"{\"name\":1}", "{\"name\":\"s\",\"cooldownMinutes\":1e400}",
                        "{\"name\":\"s\",\"cooldownMinutes\":-5}", "{\"name\":\"s\",\"rules\":[{\"kind\":\"EXPLODE\"}]}",
                        "{\"name\":\"s\",\"pairs\":\"AZE-RUS\"}", "{\"name\":\"s\",\"minLevel\":\"APOCALYPSE\"}",
                        "{\"name\":\"" + "n".repeat(5000) + "\"}", "[]", "{"}[i % 9]));
        body("subscriptions", "nesting-10000", 1, i -> post("/api/v1/subscriptions", analyst, JSON, b.deepNesting(i)));
        body("ops", "keys", 0, i -> post("/api/v1/ops/keys", keys.ops(), JSON,
                new String[]{"{\"name\":\"bootstrap-ops\",\"role\":\"ops\"}", "{\"name\":\"../../etc\",\"role\":\"ops\"}",
                        "{\"name\":\"storm\",\"role\":\"root\"}", "{\"name\":\"storm\",\"role\":\"feed\"}",
                        "{\"name\":null}", b.broken(i)}[i % 6]));
        body("ops", "feeds", 0, i -> post("/api/v1/ops/feeds", keys.ops(), JSON,
                new String[]{"{\"name\":\"../x\"}", "{\"name\":\"" + "f".repeat(3000) + "\"}", "{\"name\":[]}",
                        b.truncated(i)}[i % 4]));
        ProtocolAbuse.addTo(this, b, keys);
    }

    /** The case's family and name go on every request it makes, whatever its builder was called. */
    void add(String family, String name, int cap, IntFunction<HostileRequest> make) {
        cases.add(new Case(family, name, cap, i -> {
            HostileRequest r = make.apply(i);
            return new HostileRequest(family, name, r.requestLine(), r.headers(), r.body(), r.ownFraming(),
                    r.protocolRefusal());
        }));
    }

    void body(String family, String name, int cap, IntFunction<HostileRequest.Builder> make) {
        add(family, name, cap, i -> make.apply(i).build());
    }

    static HostileRequest.Builder post(String path, String key, String type, String body) {
        return HostileRequest.of("", "").target(path).key(key).type(type).body(body);
    }

    List<Case> cases() {
        return cases;
    }

    /** N requests: the cases in turn, each capped case left out once it has its copies. */
    List<Planned> plan(int n) {
        List<Planned> plan = new ArrayList<>(n);
        Map<Case, Integer> copies = new HashMap<>();
        while (plan.size() < n) {
            boolean any = false;
            for (Case c : cases) {
                int copy = copies.getOrDefault(c, 0);
                if (plan.size() < n && (c.cap() == 0 || copy < c.cap())) {
                    plan.add(new Planned(c, copy));
                    copies.put(c, copy + 1);
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return plan;
    }
}
