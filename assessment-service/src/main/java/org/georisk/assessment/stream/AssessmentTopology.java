package org.georisk.assessment.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.georisk.assessment.config.ScoringConfig;
import org.georisk.assessment.service.PairState;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.georisk.contracts.events.GeoEventCheck;

import java.util.function.Function;

/**
 * The scoring stream (docs/scoring.md):
 * <pre>
 * georisk.events (bytes) ──▶ route ──poison──▶ georisk.events.dlq (original key, bytes, headers + reason)
 *                              │ GeoEvent
 *                              ▼
 *                           assess [event-ids store: drop duplicates] [pair-state store: exact sums]
 *                              │   [stories store: each story's rows folded, by pair and day]
 *                              │ PairAssessment (+ header georisk.assessment.sums)
 *                              ▼
 *                         georisk.assessments (compacted, key = pair)
 * </pre>
 * Records are read as bytes and routed, rather than failed in a DeserializationExceptionHandler, so a poison record's
 * DLQ copy is written by the task's own transactional producer: with exactly_once_v2 the DLQ write and the offset
 * commit happen together or not at all.
 */
@ApplicationScoped
public class AssessmentTopology {

    /** eventId → event time (ms) of every event counted, kept forever (see docs/scoring.md, "Duplicates"). */
    public static final String EVENT_IDS_STORE = "georisk-event-ids";
    /** pair key → {@link PairState}. */
    public static final String PAIR_STATE_STORE = "georisk-pair-state";
    /** pair · day · CAMEO code · category → StoryState, every story of every pair ({@link KafkaScoringStores}). */
    public static final String STORIES_STORE = "georisk-stories";

    private static final String SOURCE = "events";
    private static final String ROUTER = "route";
    private static final String ASSESSOR = "assess";
    private static final String DLQ_SINK = "dlq";
    private static final String ASSESSMENT_SINK = "assessments";

    @Inject
    ObjectMapper mapper;

    @Inject
    ScoringConfig config;

    @Produces
    public Topology topology() {
        return build(mapper, ScoringParameters.from(config));
    }

    /** The topology, without CDI (benchmark), with RocksDB stores as in production. */
    public static Topology build(ObjectMapper mapper, ScoringParameters params) {
        return build(mapper, params, Stores::persistentKeyValueStore);
    }

    /** The topology with the given kind of state store (RocksDB in production and in its tests). */
    public static Topology build(ObjectMapper mapper, ScoringParameters params,
                                 Function<String, KeyValueBytesStoreSupplier> stores) {
        return build(mapper, params, stores, Topics.ASSESSMENTS);
    }

    /**
     * The topology writing its assessments to another topic: a rebuild under other parameters into a scratch topic
     * (its own application id) shows what a parameter change would do to every pair before the real rebuild.
     */
    public static Topology build(ObjectMapper mapper, ScoringParameters params,
                                 Function<String, KeyValueBytesStoreSupplier> stores, String assessmentsTopic) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), Topics.EVENTS);
        topology.addProcessor(ROUTER, () -> new EventRouter(new GeoEventCheck(mapper), ASSESSOR, DLQ_SINK), SOURCE);
        topology.addProcessor(ASSESSOR, () -> new PairAssessor(params, mapper), ROUTER);
        topology.addStateStore(Stores.keyValueStoreBuilder(stores.apply(EVENT_IDS_STORE),
                Serdes.String(), Serdes.Long()), ASSESSOR);
        // a pair's state is written by every event of the pair: the record cache keeps the latest value until the
        // commit, so RocksDB and the changelog get one write per pair and commit instead of one per event. Event ids
        // and most stories are written once or twice; for them the cache (a TreeMap of long keys sharing a prefix)
        // cost a quarter of an event's work at 1M events and saved little (docs/scoring.md, Throughput).
        topology.addStateStore(Stores.keyValueStoreBuilder(stores.apply(PAIR_STATE_STORE),
                Serdes.String(), new PairStateSerde()).withCachingEnabled(), ASSESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(stores.apply(STORIES_STORE),
                Serdes.Bytes(), Serdes.ByteArray()), ASSESSOR);
        topology.addSink(DLQ_SINK, Topics.EVENTS_DLQ, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(),
                ROUTER);
        topology.addSink(ASSESSMENT_SINK, assessmentsTopic, Serdes.String().serializer(),
                new ObjectMapperSerde<>(PairAssessment.class, mapper).serializer(), ASSESSOR);
        return topology;
    }
}
