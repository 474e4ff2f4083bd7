package org.georisk.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The (pair, version) markers: an assessment with a marker was evaluated before and is not evaluated again. */
@ApplicationScoped
public class ProcessedAssessmentRepository {

    /** Which of these assessments have a marker already (redeliveries). */
    public Set<PairVersion> existing(Collection<PairVersion> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("select p.pair, p.version from processed_assessment p "
                    + "join unnest(?::varchar[], ?::bigint[]) as k(pair, version) "
                    + "on p.pair = k.pair and p.version = k.version")) {
                s.setArray(1, Jdbc.texts(c, keys.stream().map(PairVersion::pair).toList()));
                s.setArray(2, Jdbc.longs(c, keys.stream().map(PairVersion::version).toList()));
                Set<PairVersion> found = new HashSet<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new PairVersion(r.getString(1), r.getLong(2)));
                    }
                }
                return found;
            }
        });
    }

    /**
     * Writes the markers with the number of alerts each assessment raised; returns how many were new. Fewer than
     * given means another consumer marked some meanwhile (two instances during a rebalance): the caller fails the
     * batch so it is evaluated again against what that consumer committed.
     */
    public int markProcessed(List<PairVersion> keys, List<Integer> alerts, Instant now) {
        if (keys.isEmpty()) {
            return 0;
        }
        return Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into processed_assessment "
                    + "(pair, version, alerts, processed_at) "
                    + "select k.pair, k.version, k.alerts, ? from unnest(?::varchar[], ?::bigint[], ?::integer[]) "
                    + "as k(pair, version, alerts) on conflict (pair, version) do nothing")) {
                s.setObject(1, now.atOffset(ZoneOffset.UTC));
                s.setArray(2, Jdbc.texts(c, keys.stream().map(PairVersion::pair).toList()));
                s.setArray(3, Jdbc.longs(c, keys.stream().map(PairVersion::version).toList()));
                s.setArray(4, c.createArrayOf("integer", alerts.toArray(Integer[]::new)));
                return s.executeUpdate();
            }
        });
    }
}
