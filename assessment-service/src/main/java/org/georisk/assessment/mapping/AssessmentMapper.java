package org.georisk.assessment.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.georisk.assessment.repository.AssessmentRecord;
import org.georisk.assessment.service.DecayedSums;
import org.georisk.assessment.service.Evidence;
import org.georisk.contracts.PairAssessment;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Between the published JSON and the history row. */
@ApplicationScoped
public class AssessmentMapper {

    @Inject
    ObjectMapper mapper;

    public PairAssessment readAssessment(String json) {
        try {
            return mapper.readValue(json, PairAssessment.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DecayedSums readSums(String json) {
        try {
            return json == null ? null : mapper.readValue(json, DecayedSums.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A history row: the assessment as published and its DecayedSums header (JSON and the story change). */
    public AssessmentRecord toRecord(PairAssessment a, String payload, String sums) {
        AssessmentRecord r = new AssessmentRecord();
        r.pair = a.pair();
        r.version = a.version();
        r.score = a.score();
        r.priority = a.priority();
        r.level = a.level().name();
        r.levelRank = (short) a.level().ordinal();
        r.asOf = a.asOf();
        r.eventCount = a.eventCount();
        r.payload = payload;
        r.sums = sums;
        DecayedSums decayed = readSums(sums);
        if (decayed != null && decayed.applied() != null) {
            Evidence delta = decayed.applied().delta();
            r.storyDay = decayed.applied().day();
            r.deltaAcuteEvidence = delta.decimal(delta.acuteEvidence());
            r.deltaAcuteHostile = delta.decimal(delta.acuteHostile());
            r.deltaStructuralEvidence = delta.decimal(delta.structuralEvidence());
            r.deltaStructuralHostile = delta.decimal(delta.structuralHostile());
        }
        return r;
    }

    public PairAssessment toAssessment(AssessmentRecord r) {
        return readAssessment(r.payload);
    }
}
