package org.georisk.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.georisk.assessment.mapping.AssessmentMapper;
import org.georisk.assessment.repository.AssessmentRecord;
import org.georisk.assessment.repository.AssessmentRepository;
import org.georisk.contracts.ActorCodes;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.PairKey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The read side: latest values and history come from the history table (not Streams interactive queries), so any
 * instance answers for every pair without knowing which instance owns its partition (docs/scoring.md).
 */
@ApplicationScoped
public class AssessmentQueries {

    @Inject
    AssessmentRepository repository;

    @Inject
    AssessmentMapper mapper;

    @Inject
    ScoringParameters params;

    @Transactional
    public List<PairAssessment> ranked(String actor, String minLevel) {
        String actorCode = null;
        if (actor != null && !actor.isBlank()) {
            actorCode = actor.trim().toUpperCase(Locale.ROOT);
            if (!ActorCodes.isKnown(actorCode)) {
                throw QueryException.badParameter("actor", "unknown actor code: " + actor);
            }
        }
        int minRank = minLevel == null || minLevel.isBlank() ? 0 : parseLevel(minLevel).ordinal();
        return repository.latestAll(actorCode, minRank).stream().map(mapper::toAssessment).toList();
    }

    @Transactional
    public PairAssessment latest(String pairParam, String atParam) {
        String pair = pair(pairParam);
        AssessmentRecord latest = repository.latest(pair)
                .orElseThrow(() -> QueryException.notFound("no assessment for pair " + pair));
        PairAssessment assessment = mapper.toAssessment(latest);
        if (atParam == null || atParam.isBlank()) {
            return assessment;
        }
        Instant at = instant("at", atParam);
        if (at.isBefore(assessment.asOf())) {
            throw QueryException.badParameter("at", "must not be before asOf " + assessment.asOf()
                    + "; use /history for earlier assessments");
        }
        DecayedSums sums = mapper.readSums(latest.sums);
        if (sums == null) {
            throw QueryException.notFound("assessment " + pair + " v" + latest.version + " has no stored sums");
        }
        if (sums.applied() == null || latest.storyDay == null) {
            throw QueryException.notFound("assessment " + pair + " v" + latest.version
                    + " was stored by the first scoring model: rebuild the assessments (docs/scoring.md)");
        }
        BigDecimal[] t = repository.storyTermsAfter(pair, latest.version, at.minus(PairState.TREND_WINDOW));
        return AssessmentDecay.at(assessment, sums, Evidence.ofDecimals(t[0], t[1], t[2], t[3]), at, params);
    }

    @Transactional
    public List<PairAssessment> history(String pairParam, String fromParam, String toParam) {
        String pair = pair(pairParam);
        Instant from = fromParam == null || fromParam.isBlank() ? null : instant("from", fromParam);
        Instant to = toParam == null || toParam.isBlank() ? null : instant("to", toParam);
        if (from != null && to != null && from.isAfter(to)) {
            throw QueryException.badParameter("from", "must not be after to");
        }
        if (repository.countRows(pair) == 0) {
            throw QueryException.notFound("no assessment for pair " + pair);
        }
        return repository.history(pair, from, to).stream().map(mapper::toAssessment).toList();
    }

    private static String pair(String key) {
        String pair = key == null ? null : PairKey.normalise(key.toUpperCase(Locale.ROOT));
        if (pair == null) {
            throw QueryException.badParameter("pair", "not a pair key of two known actor codes, e.g. AZE-RUS: " + key);
        }
        return pair;
    }

    private static Level parseLevel(String value) {
        try {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryException.badParameter("minLevel", "one of LOW, GUARDED, ELEVATED, HIGH, SEVERE: " + value);
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw QueryException.badParameter(field, "an ISO-8601 instant such as 2025-04-01T00:00:00Z: " + value);
        }
    }
}
