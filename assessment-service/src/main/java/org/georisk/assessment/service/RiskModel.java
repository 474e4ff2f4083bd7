package org.georisk.assessment.service;

import org.georisk.contracts.Level;

import java.math.BigDecimal;

/**
 * The score of docs/scoring.md from a pair's decayed sums. Per half-life h the hostile share of the evidence is shrunk
 * toward the baseline b with n0 units of pseudo-evidence, {@code s_h = (X_h + n0·b) / (E_h + n0)}; only the part
 * above the baseline counts, {@code u_h = max(0, s_h − b) / (1 − b)}, and maps to 0–100 as {@code 100·(1 − e^(−u_h/κ))}.
 * The acute and the structural value are published; the score is the larger. Salience compares the pair's recent
 * rate of evidence with its own long-run rate; the ranking weighs the score by it.
 */
public final class RiskModel {

    /** Score decimals (HALF_UP), so the JSON shows what a person expects and the level matches the score shown. */
    private static final int DECIMALS = 2;

    private RiskModel() {
    }

    /** Decayed evidence E and hostile evidence X on both half-lives, at one instant. */
    public record Sums(double acuteEvidence, double acuteHostile, double structuralEvidence, double structuralHostile) {

        /** The sums at a later instant: each half-life's pair shrinks by its own factor. */
        public Sums scaled(double acuteFactor, double structuralFactor) {
            return new Sums(acuteEvidence * acuteFactor, acuteHostile * acuteFactor,
                    structuralEvidence * structuralFactor, structuralHostile * structuralFactor);
        }

        public Sums minus(Sums o) {
            return new Sums(Math.max(0, acuteEvidence - o.acuteEvidence), Math.max(0, acuteHostile - o.acuteHostile),
                    Math.max(0, structuralEvidence - o.structuralEvidence),
                    Math.max(0, structuralHostile - o.structuralHostile));
        }
    }

    /** What an assessment shows of its sums. */
    public record Components(double score, Level level, double acute, double structural, double escalation,
                             double salience, double priority) {
    }

    public static Components of(Sums s, ScoringParameters.Prior prior, ScoringParameters p) {
        double acute = round(scale(s.acuteEvidence(), s.acuteHostile(), prior, p));
        double structural = round(scale(s.structuralEvidence(), s.structuralHostile(), prior, p));
        double score = Math.max(acute, structural);
        double salience = round(salience(s, p));
        double priority = round(score * (1 - p.salienceRankWeight() + p.salienceRankWeight() * salience / 100));
        return new Components(score, Level.of(score, p.levelBounds()), acute, structural,
                difference(acute, structural), salience, priority);
    }

    /** The score alone (category scores, the week-before score of trend7d). */
    public static double score(Sums s, ScoringParameters.Prior prior, ScoringParameters p) {
        return Math.max(round(scale(s.acuteEvidence(), s.acuteHostile(), prior, p)),
                round(scale(s.structuralEvidence(), s.structuralHostile(), prior, p)));
    }

    /** One half-life's value: the shrunk hostile share above the baseline, on 0–100. */
    static double scale(double evidence, double hostile, ScoringParameters.Prior prior, ScoringParameters p) {
        double share = (hostile + prior.weight() * prior.baseline()) / (evidence + prior.weight());
        double excess = Math.max(0, share - prior.baseline()) / (1 - prior.baseline());
        return 100 * (1 - StrictMath.exp(-excess / p.kappa()));
    }

    /**
     * How unusual the attention is, 0–100: the acute rate of evidence (E_a / h_a) against the long-run rate with a
     * prior ((E_s + n_s) / h_s), as {@code ln ρ / ln(h_s/h_a)} clamped to [0, 1]. A steady pair has ρ ≈ 1 (0); a pair
     * whose evidence all arrived just now has ρ → h_s/h_a (100) once its evidence outweighs the prior.
     */
    static double salience(Sums s, ScoringParameters p) {
        double ha = p.acuteHalfLife().toMillis();
        double hs = p.structuralHalfLife().toMillis();
        double rho = (s.acuteEvidence() / ha) / ((s.structuralEvidence() + p.saliencePrior()) / hs);
        if (!(rho > 1)) {
            return 0;
        }
        return 100 * Math.min(1, StrictMath.log(rho) / StrictMath.log(hs / ha));
    }

    public static double round(double value) {
        return DecayMath.round(value, DECIMALS);
    }

    /** {@code now − before} of two two-decimal values, exact in decimal (no 0.1 + 0.2 residue). */
    public static double difference(double now, double before) {
        return BigDecimal.valueOf(now).subtract(BigDecimal.valueOf(before)).doubleValue();
    }
}
