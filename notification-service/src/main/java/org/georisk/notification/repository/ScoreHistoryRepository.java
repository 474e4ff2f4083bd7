package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

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

    /**
     * {@link #lowestSince(String, Instant, long)} for many lookups; {@code result[i]} answers lookup i. One statement
     * reads each pair's points from its earliest window start on, and the minima are taken here: a pair with many
     * assessments in the batch has its points read once rather than once per lookup.
     */
    public OptionalDouble[] lowestSince(List<Lookup> lookups) {
        OptionalDouble[] lowest = new OptionalDouble[lookups.size()];
        java.util.Arrays.fill(lowest, OptionalDouble.empty());
        if (lookups.isEmpty()) {
            return lowest;
        }
        Map<String, Instant> earliest = new HashMap<>();
        lookups.forEach(l -> earliest.merge(l.pair(), l.since(), (a, b) -> a.isBefore(b) ? a : b));
        Map<String, List<Point>> points = new HashMap<>();
        Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("select p.pair, p.version, p.as_of, p.score "
                    + "from score_point p join unnest(?::varchar[], ?::varchar[]::timestamptz[]) as k(pair, since) "
                    + "on p.pair = k.pair and p.as_of >= k.since")) {
                List<String> pairs = List.copyOf(earliest.keySet());
                s.setArray(1, Jdbc.texts(c, pairs));
                s.setArray(2, Jdbc.instants(c, pairs.stream().map(earliest::get).toList()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        points.computeIfAbsent(r.getString(1), p -> new ArrayList<>()).add(new Point(r.getString(1),
                                r.getLong(2), r.getObject(3, OffsetDateTime.class).toInstant(), r.getDouble(4)));
                    }
                }
                return null;
            }
        });
        for (int i = 0; i < lookups.size(); i++) {
            Lookup l = lookups.get(i);
            Instant since = Jdbc.asStored(l.since());
            double min = Double.NaN;
            for (Point p : points.getOrDefault(l.pair(), List.of())) {
                if (p.version() < l.beforeVersion() && !p.asOf().isBefore(since) && (Double.isNaN(min) || p.score() < min)) {
                    min = p.score();
                }
            }
            lowest[i] = Double.isNaN(min) ? OptionalDouble.empty() : OptionalDouble.of(min);
        }
        return lowest;
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

    /**
     * Forgets each pair's points older than its retention bound (event time): one range delete per pair on the
     * (pair, as_of) index, sent as one JDBC batch. A single delete joining the bounds was planned as a scan of the
     * whole table when statistics were missing (docs/performance.md, "Plans without statistics").
     */
    public void prune(Map<String, Instant> keepSince) {
        if (keepSince.isEmpty()) {
            return;
        }
        Map<String, Instant> bounds = new TreeMap<>(keepSince); // one lock order for concurrent instances
        Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "delete from score_point where pair = ? and as_of < ?::varchar::timestamptz")) {
                for (Map.Entry<String, Instant> bound : bounds.entrySet()) {
                    s.setString(1, bound.getKey());
                    s.setString(2, bound.getValue().toString()); // parsed and rounded by PostgreSQL, as Jdbc.instants
                    s.addBatch();
                }
                return s.executeBatch().length;
            }
        });
    }
}
