package org.georisk.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * The tunables of the scoring model; docs/scoring.md gives each default its reason and the calibration behind it.
 * Changing any of them changes every assessment: rebuild from the log afterwards (bin/rebuild.sh) so history and
 * live values agree.
 */
@ConfigMapping(prefix = "georisk.scoring")
public interface ScoringConfig {

    /** Half-life of the acute share: how fast a fresh escalation fades from view. */
    @WithDefault("P30D")
    Duration acuteHalfLife();

    /** Half-life of the structural share: how long a standing dispute stays visible. */
    @WithDefault("P365D")
    Duration structuralHalfLife();

    /** Weight of a cooperative story's evidence: cooperation dilutes the hostile share at half weight. */
    @WithDefault("0.5")
    double cooperativeWeight();

    /** A story's mentions count up to this many (its evidence is 1 + ln min(mentions, cap)). */
    @WithDefault("10")
    int mentionCap();

    /**
     * γ in a story's hostility x = (|G|/10)^γ for G &lt; 0. Below 1, a hostile diplomatic act (G −4: x 0.63) is a
     * sizeable part of what war (G −10: x 1) is, not two fifths of it.
     */
    @WithDefault("0.5")
    double hostilityExponent();

    /** The prior for pairs of two different actors. */
    Prior crossBorder();

    /** The prior for domestic pairs (ARM-ARM): more routine hostile coverage (crime, policing, protest). */
    Prior domestic();

    /** κ: the excess share u at which the score reaches 100·(1 − 1/e) ≈ 63.2. */
    @WithDefault("0.3333333333333333")
    double kappa();

    /** Pseudo-evidence in the salience's long-run rate, so a few stories on a new pair are not "unusual". */
    @WithDefault("20")
    double saliencePrior();

    /** How much salience moves the ranking: priority = score × (1 − w + w × salience/100). */
    @WithDefault("0.6")
    double salienceRankWeight();

    /** Lower bounds of GUARDED, ELEVATED, HIGH and SEVERE, in that order. */
    @WithDefault("25,50,70,85")
    List<Double> levelBounds();

    /** Empirical-Bayes prior: the share is (X + n0·b) / (E + n0). */
    interface Prior {
        /** n0: pseudo-evidence at the baseline share. */
        double weight();

        /** b: the hostile share that counts as normal; only hostility above it raises the score. */
        double baseline();
    }
}
