package org.georisk.assessment.stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import org.georisk.assessment.service.InMemoryScoringStores;
import org.georisk.assessment.service.PairScorer;
import org.georisk.assessment.service.PairState;
import org.georisk.assessment.service.ScoringParameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pair-state store's value format against Quarkus's {@link ObjectMapperSerde} (JSON) on the same states: bytes
 * per state and the time of a write and of a read (the stream writes the state once per event and reads it when it
 * does not hold it decoded). Prints figures, asserts
 * only that both read back equal; skipped unless asked for (docs/performance.md, "Pair-state format"):
 * <pre>mvn -pl assessment-service verify -Dtest=PairStateFormatBenchmark -Dgeorisk.benchmark.format=true</pre>
 */
class PairStateFormatBenchmark {

    private static final int ROUNDS = 200;

    @Test
    void binaryAgainstJson() {
        assumeTrue(Boolean.getBoolean("georisk.benchmark.format"), "a benchmark: -Dgeorisk.benchmark.format=true");
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        PairStateSerde binary = new PairStateSerde();
        try (ObjectMapperSerde<PairState> json = new ObjectMapperSerde<>(PairState.class, mapper)) {
            InMemoryScoringStores stores = new InMemoryScoringStores();
            PairScorer scorer = new PairScorer(ScoringParameters.DEFAULTS, stores);
            AssessmentTopologyTest.generated(20_000, new Random(11)).forEach(e -> scorer.apply(e.pairKey(), e));
            List<PairState> states = List.copyOf(stores.pairs().values());
            for (PairState s : states) {
                assertEquals(s, binary.deserializer().deserialize("t", binary.serializer().serialize("t", s)));
                assertEquals(s, json.deserializer().deserialize("t", json.serializer().serialize("t", s)));
            }
            for (int run = 0; run < 3; run++) { // the first runs warm the JIT up; the last is the figure
                measure("binary (format " + PairStateSerde.FORMAT + ")", states,
                        s -> binary.serializer().serialize("t", s), b -> binary.deserializer().deserialize("t", b));
                measure("JSON (ObjectMapperSerde)", states,
                        s -> json.serializer().serialize("t", s), b -> json.deserializer().deserialize("t", b));
            }
        }
    }

    private static void measure(String name, List<PairState> states, Function<PairState, byte[]> write,
                                Function<byte[], PairState> read) {
        List<byte[]> written = states.stream().map(write).toList();
        long bytes = written.stream().mapToLong(b -> b.length).sum();
        long t0 = System.nanoTime();
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (PairState s : states) {
                sink += write.apply(s).length;
            }
        }
        long t1 = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            for (byte[] b : written) {
                sink += read.apply(b).version();
            }
        }
        long t2 = System.nanoTime();
        double n = (double) ROUNDS * states.size();
        System.out.printf(Locale.ROOT, "%-26s %3d states, %5.0f bytes/state, write %7.1f µs, read %7.1f µs (%d)%n",
                name, states.size(), (double) bytes / states.size(), (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, sink);
    }
}
