package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 200 seeded random malformed bodies: every one a 4xx problem+json, never a 5xx, never accepted. */
@QuarkusTest
class MalformedBodyTest {

    private static final String GOOD = """
            {"source":"fuzz","externalId":"f-1","occurredAt":"2025-04-07T10:00:00Z","actor1":"RUS","actor2":"AZE","cameoCode":"046","goldstein":7.0,"mentions":2,"headline":"h","url":"https://example.org/x"}""";
    private static final String[] FIELDS = {"source", "externalId", "occurredAt", "actor1", "actor2", "cameoCode",
            "goldstein", "mentions", "category", "headline", "url"};
    /** Values wrong for every field: a wrong type, a control character, an unpaired surrogate, an infinite number. */
    private static final String[] WRONG_VALUES = {"true", "[]", "{}", "[{\"a\":1}]", "1e400", "\"\\u0000\"",
            "\"bad\\u0001value\"", "\"\\uD800\"", "{\"nested\":{\"deeper\":[1,2,{}]}}"};

    @Test
    void malformedBodiesAreProblemsNeverServerErrors() {
        Random random = new Random(20250413L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] body = malformed(random, i % 5);
            Response r = As.testFeed().contentType("application/json").body(body).post("/events");
            int status = r.statusCode();
            String type = r.contentType();
            if (status < 400 || status >= 500 || type == null || !type.startsWith("application/problem+json")) {
                failures.add("#" + i + " → " + status + " " + type + " for "
                        + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " bodies not answered with a 4xx problem: " + failures);
    }

    private static byte[] malformed(Random random, int kind) {
        return switch (kind) {
            case 0 -> GOOD.substring(0, 1 + random.nextInt(GOOD.length() - 2)).getBytes(StandardCharsets.UTF_8); // truncated
            case 1 -> withField(random, FIELDS[random.nextInt(FIELDS.length)],
                    WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]); // wrong type or value
            case 2 -> withField(random, FIELDS[random.nextInt(FIELDS.length)],
                    "\"" + "x".repeat(1000 + random.nextInt(200_000)) + "\""); // huge string
            case 3 -> controlCharacters(random);
            default -> randomBytes(random);
        };
    }

    private static byte[] withField(Random random, String field, String value) {
        String replacement = Matcher.quoteReplacement("\"" + field + "\":" + value); // values hold backslashes
        String body = GOOD.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[-0-9.]+)", replacement);
        if (!body.contains("\"" + field + "\":" + value)) {
            body = body.replaceFirst("\\{", Matcher.quoteReplacement("{\"" + field + "\":" + value + ","));
        }
        if (field.equals("cameoCode") && random.nextBoolean()) {
            body = body.replace("\"source\":\"fuzz\"", "\"source\":" + value); // two wrong fields at once
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] controlCharacters(Random random) {
        StringBuilder sb = new StringBuilder(GOOD);
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int at = 1 + random.nextInt(sb.length() - 2);
            char c;
            do {
                c = (char) random.nextInt(32);
            } while (c == '\t' || c == '\n' || c == '\r'); // JSON whitespace would keep the body valid
            sb.insert(at, c);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            bytes[0] = '{';
        }
        return bytes;
    }
}
