package org.georisk.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * The tunables of the scoring model (docs/scoring.md explains each default). Changing any of them changes every
 * assessment: rebuild from the log afterwards (bin/rebuild.sh) so history and live values agree.
 */
@ConfigMapping(prefix = "georisk.scoring")
public interface ScoringConfig {

    /** Half-life H of the decayed tension and cooperation sums, in event time. */
    @WithDefault("P30D")
    Duration halfLife();

    /** λ: how much one unit of cooperation offsets one unit of tension. */
    @WithDefault("0.5")
    double lambda();

    /** K: the net tension at which the score reaches 100·(1 − 1/e) ≈ 63.2. */
    @WithDefault("20")
    double k();

    /** Lower bounds of GUARDED, ELEVATED, HIGH and SEVERE, in that order. */
    @WithDefault("25,50,70,85")
    List<Double> levelBounds();
}
