package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Score history per pair in event time (table score_point), for SCORE_JUMP. */
@ApplicationScoped
public class ScoreHistoryRepository {

    /** One point of a pair's history. */
    public record Point(String pair, long version, Instant asOf, double score) {
    }

    /** "The lowest score of the pair at or after {@code since}, among versions before {@code beforeVersion}". */
    public record Lookup(String pair, Instant since, long beforeVersion) {
    }

    /** The lowest score the pair had at or after {@code since} (event time) before this version; empty if none. */
    public OptionalDouble lowestSince(String pair, Instant since, long beforeVersion) {
        Object min = Panache.getEntityManager().createNativeQuery(
                        "select min(score) from score_point where pair = ?1 and as_of >= ?2 and version < ?3")
                .setParameter(1, pair)
                .setParameter(2, since)
                .setParameter(3, beforeVersion)
                .getSingleResult();
        return min == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) min).doubleValue());
    }

    /** {@link #lowestSince(String, Instant, long)} for many lookups in one statement; {@code result[i]} answers lookup i. */
    public OptionalDouble[] lowestSince(List<Lookup> lookups) {
        OptionalDouble[] lowest = new OptionalDouble[lookups.size()];
        java.util.Arrays.fill(lowest, OptionalDouble.empty());
        if (lookups.isEmpty()) {
            return lowest;
        }
        return Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("select k.i, (select min(p.score) from score_point p "
                    + "where p.pair = k.pair and p.as_of >= k.since and p.version < k.version) "
                    + "from unnest(?::varchar[], ?::varchar[]::timestamptz[], ?::bigint[]) with ordinality "
                    + "as k(pair, since, version, i)")) {
                s.setArray(1, Jdbc.texts(c, lookups.stream().map(Lookup::pair).toList()));
                s.setArray(2, Jdbc.instants(c, lookups.stream().map(Lookup::since).toList()));
                s.setArray(3, Jdbc.longs(c, lookups.stream().map(Lookup::beforeVersion).toList()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        double min = r.getDouble(2);
                        if (!r.wasNull()) {
                            lowest[(int) r.getLong(1) - 1] = OptionalDouble.of(min);
                        }
                    }
                }
                return lowest;
            }
        });
    }

    /** Adds the points in one statement; a point already stored is kept as it is. */
    public void record(List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into score_point (pair, version, as_of, score) "
                    + "select * from unnest(?::varchar[], ?::bigint[], ?::varchar[]::timestamptz[], "
                    + "?::double precision[]) on conflict (pair, version) do nothing")) {
                s.setArray(1, Jdbc.texts(c, points.stream().map(Point::pair).toList()));
                s.setArray(2, Jdbc.longs(c, points.stream().map(Point::version).toList()));
                s.setArray(3, Jdbc.instants(c, points.stream().map(Point::asOf).toList()));
                s.setArray(4, c.createArrayOf("float8", points.stream().map(Point::score).toArray(Double[]::new)));
                return s.executeUpdate();
            }
        });
    }

    /** Forgets each pair's points older than its retention bound (event time). */
    public void prune(Map<String, Instant> keepSince) {
        if (keepSince.isEmpty()) {
            return;
        }
        Map<String, Instant> bounds = new HashMap<>(keepSince);
        Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from score_point p using "
                    + "unnest(?::varchar[], ?::varchar[]::timestamptz[]) as k(pair, keep) "
                    + "where p.pair = k.pair and p.as_of < k.keep")) {
                List<String> pairs = List.copyOf(bounds.keySet());
                s.setArray(1, Jdbc.texts(c, pairs));
                s.setArray(2, Jdbc.instants(c, pairs.stream().map(bounds::get).toList()));
                return s.executeUpdate();
            }
        });
    }
}
