package org.georisk.contracts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The key of a country pair: the two actor codes sorted and joined with '-', e.g. {@code AZE-RUS}.
 * A domestic event (one actor, or both the same) has the key {@code ARM-ARM}.
 */
public final class PairKey {

    private PairKey() {
    }

    public static String of(String actor1, String actor2) {
        Objects.requireNonNull(actor1, "actor1");
        String a = actor1.trim().toUpperCase(Locale.ROOT);
        String b = actor2 == null || actor2.isBlank() ? a : actor2.trim().toUpperCase(Locale.ROOT);
        return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    /** Parses and normalises a key given by a user ("rus-aze" becomes "AZE-RUS"); null when it is not a pair key. */
    public static String normalise(String key) {
        if (key == null) {
            return null;
        }
        String[] parts = key.trim().toUpperCase(Locale.ROOT).split("-");
        if (parts.length != 2 || !ActorCodes.isKnown(parts[0]) || !ActorCodes.isKnown(parts[1])) {
            return null;
        }
        return of(parts[0], parts[1]);
    }

    /** The two actors of a key, in key order. */
    public static List<String> actors(String key) {
        String[] parts = key.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a pair key: " + key);
        }
        return List.of(parts[0], parts[1]);
    }

    public static boolean involves(String key, String actor) {
        return actors(key).contains(actor.toUpperCase(Locale.ROOT));
    }

    /** Whether a pair key names one actor twice ("ARM-ARM"): a domestic pair. */
    public static boolean isDomestic(String key) {
        List<String> actors = actors(key);
        return actors.get(0).equals(actors.get(1));
    }
}
