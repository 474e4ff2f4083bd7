package org.georisk.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Valid feed events as posted to {@code POST /api/v1/events}, one JSON object each, numbered. Event n is always
 * the same text (its randomness is seeded by n), so a retry re-sends exactly what was sent before, under the same
 * externalId {@code <prefix>-<n>}: a retry of an event Kafka already has is then a duplicate, never a second event.
 * Actors AZE/RUS/ARM/TUR/GEO/IRN (15 pairs), CAMEO codes with their table Goldstein value moved by at most 1 (same
 * sign) or omitted, mentions mostly 1–5, occurredAt within the last year.
 */
public final class EventLines {

    static final String[] ACTORS = {"AZE", "RUS", "ARM", "TUR", "GEO", "IRN"};

    /** CAMEO code and its standard Goldstein value (contracts cameo-codes.tsv). */
    record Cameo(String code, double goldstein) { }

    static final Cameo[] CAMEO = {
            new Cameo("036", 4.0), new Cameo("042", 1.9), new Cameo("046", 7.0), new Cameo("057", 8.0),
            new Cameo("061", 6.4), new Cameo("111", -2.0), new Cameo("120", -4.0), new Cameo("163", -6.5),
            new Cameo("172", -5.0), new Cameo("190", -10.0)};

    private static final long YEAR_S = 365L * 24 * 3600;

    private final String prefix;
    private final long now = Instant.now().getEpochSecond();

    public EventLines(String prefix) {
        this.prefix = prefix;
    }

    /** A prefix no earlier run used: {@code bench-<what>-<base-36 millis>}. */
    public static String newPrefix(String what) {
        return "bench-" + what + "-" + Long.toString(System.currentTimeMillis(), 36);
    }

    public String prefix() {
        return prefix;
    }

    public String externalId(long n) {
        return prefix + "-" + n;
    }

    /** Event n as one JSON object, without a newline. */
    public String json(long n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 42);
        int a = random.nextInt(ACTORS.length);
        int b = random.nextInt(ACTORS.length - 1);
        if (b >= a) {
            b++;
        }
        Cameo cameo = CAMEO[random.nextInt(CAMEO.length)];
        Instant occurredAt = Instant.ofEpochSecond(now - 60 - random.nextLong(YEAR_S));
        int mentions = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3);
        StringBuilder json = new StringBuilder(260);
        json.append("{\"externalId\":\"").append(externalId(n))
                .append("\",\"occurredAt\":\"").append(occurredAt)
                .append("\",\"actor1\":\"").append(ACTORS[a])
                .append("\",\"actor2\":\"").append(ACTORS[b])
                .append("\",\"cameoCode\":\"").append(cameo.code()).append('"');
        if (random.nextBoolean()) {
            double g = cameo.goldstein() + (random.nextDouble() * 2 - 1);
            g = Math.signum(cameo.goldstein()) * Math.min(10, Math.max(0.1, Math.abs(g)));
            json.append(",\"goldstein\":").append(String.format(Locale.ROOT, "%.1f", g));
        }
        return json.append(",\"mentions\":").append(mentions)
                .append(",\"headline\":\"Benchmark event ").append(n).append(' ').append(ACTORS[a]).append(' ')
                .append(cameo.code()).append(' ').append(ACTORS[b]).append("\"}").toString();
    }

    /** Events first .. first+count-1 as NDJSON (each line ends with a newline). */
    public String ndjson(long first, int count) {
        StringBuilder body = new StringBuilder(count * 260);
        for (long n = first; n < first + count; n++) {
            body.append(json(n)).append('\n');
        }
        return body.toString();
    }
}
