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
    /** The UTC day of the story this version changed (null in rows of the first model). */
    @Column(name = "story_day")
    public Instant storyDay;
    /** That story's exact change of terms (DecayedSums.Applied), one column per sum; null in rows of the first model. */
    @Column(name = "delta_acute_evidence")
    public BigDecimal deltaAcuteEvidence;
    @Column(name = "delta_acute_hostile")
    public BigDecimal deltaAcuteHostile;
    @Column(name = "delta_structural_evidence")
    public BigDecimal deltaStructuralEvidence;
    @Column(name = "delta_structural_hostile")
    public BigDecimal deltaStructuralHostile;
    /** The ranking key (PairAssessment.priority). */
    public double priority;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
