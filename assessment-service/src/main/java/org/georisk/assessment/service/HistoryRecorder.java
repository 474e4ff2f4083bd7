package org.georisk.assessment.service;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.georisk.assessment.mapping.AssessmentMapper;
import org.georisk.assessment.repository.AssessmentRecord;
import org.georisk.assessment.repository.AssessmentRepository;
import org.georisk.contracts.PairAssessment;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores every assessment published on georisk.assessments (consumer group georisk-assessment-history), once per
 * (pair, version). The stream is the only writer of that topic; this is a projection that a replay or a rebuild
 * fills again to the same rows. A poll batch is one database transaction (a rebuild republishes every version, and a
 * transaction per record kept the history minutes behind the stream); a database failure fails the batch, whose
 * offsets are then not committed, and the upsert makes the retry harmless.
 */
@ApplicationScoped
public class HistoryRecorder {

    private static final Logger LOG = Logger.getLogger(HistoryRecorder.class);

    @Inject
    AssessmentRepository repository;

    @Inject
    AssessmentMapper mapper;

    @Incoming("assessment-history")
    @Blocking
    @Transactional
    public void recordAll(ConsumerRecords<String, String> batch) {
        // The last of a (pair, version) counts, as if the rows were upserted one after the other (a rebuild republishes
        // versions; one multi-row statement cannot update a row twice).
        Map<String, AssessmentRecord> rows = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            AssessmentRecord row = toRow(record);
            if (row != null) {
                rows.remove(row.pair + "@" + row.version);
                rows.put(row.pair + "@" + row.version, row);
            }
        }
        repository.upsertAll(rows.values());
    }

    /** One record (in the caller's transaction when there is one). */
    @Transactional
    public void record(ConsumerRecord<String, String> record) {
        AssessmentRecord row = toRow(record);
        if (row != null) {
            repository.upsertAll(List.of(row));
        }
    }

    /** The history row of a record; null for a tombstone or an unreadable value (skipped with a warning). */
    private AssessmentRecord toRow(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null; // a tombstone: nothing to keep
        }
        PairAssessment assessment;
        try {
            assessment = mapper.readAssessment(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("skipping unreadable assessment at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
        Header sums = record.headers().lastHeader(DecayedSums.HEADER);
        return mapper.toRecord(assessment, record.value(),
                sums == null ? null : new String(sums.value(), StandardCharsets.UTF_8));
    }
}
