package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the evaluator last saw of a pair: level, version and category scores (JSON text). */
@Entity
@Table(name = "pair_state")
public class PairStateEntity extends PanacheEntityBase {

    @Id
    public String pair;
    public String level;
    public long version;
    @Column(name = "as_of")
    public Instant asOf;
    @Column(name = "category_scores_json")
    public String categoryScoresJson;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The rows of these pairs (those that have one), locked for this transaction so two consumers of one pair (during
     * a rebalance) take turns; locked in pair order in one statement, so two batches never wait on each other in a
     * circle.
     */
    public static Map<String, PairStateEntity> lockedFor(Collection<String> pairs) {
        Map<String, PairStateEntity> states = new LinkedHashMap<>();
        if (pairs.isEmpty()) {
            return states;
        }
        List<PairStateEntity> rows = find("pair in ?1 order by pair", List.copyOf(pairs))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        rows.forEach(row -> states.put(row.pair, row));
        return states;
    }
}
