package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

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

    /** The pair's row, locked for this transaction so two consumers of one pair (during a rebalance) take turns. */
    public static Optional<PairStateEntity> lockedFor(String pair) {
        return find("pair", pair).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
