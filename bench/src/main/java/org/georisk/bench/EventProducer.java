package org.georisk.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.georisk.contracts.CameoCodes;
import org.georisk.contracts.Categories;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.PairKey;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Produces M synthetic GeoEvents straight to a topic (georisk.events), in the JSON shape ingest-service publishes
 * (contracts GeoEvent: eventId = EventIds.eventId(source, externalId), quadClass and category derived as ingest
 * derives them, receivedAt), keyed by pair key. Producer: acks=all, idempotent, linger 10 ms, 128 KiB batches.
 * The rebuild figure fills georisk.events with it (a million events through the gateway would take minutes).
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* org.georisk.bench.EventProducer &lt;bootstrap&gt; &lt;topic&gt; &lt;count&gt; &lt;actors,...&gt; &lt;source&gt;</pre>
 */
public final class EventProducer {

    /** 24 real actor codes = 276 pairs. */
    public static final String DEFAULT_ACTORS =
            "AZE,RUS,ARM,TUR,GEO,IRN,USA,FRA,DEU,GBR,CHN,UKR,KAZ,ISR,IRQ,SYR,IND,PAK,EU,NATO,CSTO,UN,OSCE,EAEU";

    static final String[] CAMEO = {"036", "042", "046", "057", "061", "111", "120", "163", "172", "190"};

    public record Produced(long events, double seconds, double eventsPerSecond) {
    }

    private EventProducer() {
    }

    public static void main(String[] args) throws Exception {
        produce(args[0], args[1], Long.parseLong(args[2]), args[3].split(","), args[4], System.out);
    }

    public static Produced produce(String bootstrap, String topic, long count, String[] actors, String source,
                                   PrintStream out) throws Exception {
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("bootstrap must be on 127.0.0.1");
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "georisk-bench-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

        String run = Long.toString(System.currentTimeMillis(), 36);
        SplittableRandom random = new SplittableRandom(7);
        long now = Instant.now().getEpochSecond();
        long year = 365L * 24 * 3600;
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        long lastReport = start;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (long n = 0; n < count && failure.get() == null; n++) {
                int a = random.nextInt(actors.length);
                int b = random.nextInt(actors.length - 1);
                if (b >= a) {
                    b++;
                }
                String actor1 = actors[a], actor2 = actors[b];
                CameoCodes.CameoCode cameo = CameoCodes.find(CAMEO[random.nextInt(CAMEO.length)]).orElseThrow();
                String externalId = "bench-" + run + "-" + n;
                Instant occurredAt = Instant.ofEpochSecond(now - 60 - random.nextLong(year));
                int mentions = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3);
                String json = "{\"eventId\":\"" + EventIds.eventId(source, externalId)
                        + "\",\"source\":\"" + source + "\",\"externalId\":\"" + externalId
                        + "\",\"occurredAt\":\"" + occurredAt + "\",\"actor1\":\"" + actor1 + "\",\"actor2\":\"" + actor2
                        + "\",\"cameoCode\":\"" + cameo.code() + "\",\"quadClass\":" + cameo.quadClass()
                        + ",\"goldstein\":" + cameo.goldstein() + ",\"mentions\":" + mentions
                        + ",\"category\":\"" + Categories.defaultFor(cameo.code(), actor1, actor2)
                        + "\",\"headline\":\"Benchmark event " + n + "\",\"receivedAt\":\"" + Instant.now() + "\"}";
                bytes += json.length();
                producer.send(new ProducerRecord<>(topic, PairKey.of(actor1, actor2), json), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                long t = System.nanoTime();
                if (t - lastReport > 5_000_000_000L) {
                    lastReport = t;
                    out.printf(Locale.ROOT, "  produced %d (acked %d) after %.1f s%n", n + 1, acked.get(),
                            (t - start) / 1e9);
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("producing failed after " + acked.get() + " events", failure.get());
        }
        out.printf(Locale.ROOT, "RESULT produce: %d events acked to %s in %.2f s = %.0f events/s (avg %d bytes/event, "
                        + "%d actors, %d pairs, source %s, run %s)%n", acked.get(), topic, seconds, acked.get() / seconds,
                bytes / Math.max(1, count), actors.length, actors.length * (actors.length - 1) / 2, source, run);
        return new Produced(acked.get(), seconds, acked.get() / seconds);
    }
}
