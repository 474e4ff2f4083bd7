package org.georisk.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of assessment_history: one published assessment of one pair at one version. */
@Entity
@Table(name = "assessment_history")
public class AssessmentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String pair;
    public long version;
    public double score;
    public String level;
    @Column(name = "level_rank")
    public short levelRank;
    @Column(name = "as_of")
    public Instant asOf;
    @Column(name = "event_count")
    public long eventCount;
    /** The assessment JSON exactly as the stream published it. */
    public String payload;
    /** The DecayedSums header JSON (null for a record published without it). */
    public String sums;
    /** The time of the event this version applied (null in rows from before V2). */
    @Column(name = "event_occurred_at")
    public Instant eventOccurredAt;
    /** That event's exact signed fixed-point term (DecayedSums.Applied; null in rows from before V2). */
    @Column(name = "event_term")
    public BigDecimal eventTerm;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
