package org.georisk.bench;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own rates on the same broker, with Kafka's own tools (kafka-tools ProducerPerformance and
 * ConsumerPerformance, each in its own JVM from bench/target/lib): the baselines GeoRisk's figures are divided by.
 */
public final class RawKafka {

    /** Where the raw producer writes: a scratch topic laid out like georisk.events, deleted afterwards. */
    public static final String SCRATCH_TOPIC = "georisk.bench.raw";

    public record ProducerRate(long records, double recordsPerSecond, double avgLatencyMs, double p99LatencyMs) {
    }

    /** overall: from the consumer's start (incl. the group join); fetching: from the first fetch. */
    public record ConsumerRate(long records, double recordsPerSecond, double fetchRecordsPerSecond) {
    }

    private static final Pattern PRODUCED = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\([\\d.]+ MB/sec\\), ([\\d.]+) ms avg latency, [\\d.]+ ms max "
                    + "latency, \\d+ ms 50th, \\d+ ms 95th, (\\d+) ms 99th");

    private final KafkaLag kafka;
    private final String bootstrap;
    private final String classpath;
    private final Path logDir;

    public RawKafka(KafkaLag kafka, String bootstrap, String toolsClasspath, Path logDir) {
        this.kafka = kafka;
        this.bootstrap = bootstrap;
        this.classpath = toolsClasspath;
        this.logDir = logDir;
    }

    /** ProducerPerformance: N records of the given size into the scratch topic, acks=all, default batching. */
    public ProducerRate produce(long records, int recordSize, Duration limit) throws Exception {
        createScratchTopic();
        try {
            String out = Jvm.runMain(classpath, "org.apache.kafka.tools.ProducerPerformance", List.of(
                    "--topic", SCRATCH_TOPIC, "--num-records", String.valueOf(records),
                    "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                    "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                    "client.id=georisk-bench-raw-producer"), limit, logDir.resolve("raw-producer.log"));
            Matcher m = PRODUCED.matcher(out);
            ProducerRate last = null;
            while (m.find()) {
                last = new ProducerRate(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)));
            }
            if (last == null) {
                throw new IllegalStateException("no ProducerPerformance summary in:\n" + Jvm.tail(out, 10));
            }
            return last;
        } finally {
            deleteScratchTopic();
        }
    }

    /** ConsumerPerformance: the whole topic once, with a throwaway group (deleted afterwards). */
    public ConsumerRate consume(String topic, long records, Duration limit) throws Exception {
        String group = "georisk-bench-raw-" + System.currentTimeMillis();
        try {
            String out = Jvm.runMain(classpath, "org.apache.kafka.tools.ConsumerPerformance", List.of(
                    "--bootstrap-server", bootstrap, "--topic", topic, "--messages", String.valueOf(records),
                    "--group", group, "--timeout", "30000"), limit, logDir.resolve("raw-consumer.log"));
            // the last line: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
            // rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
            String[] lines = out.strip().split("\n");
            String[] c = lines[lines.length - 1].split(",\\s*");
            if (c.length < 10) {
                throw new IllegalStateException("no ConsumerPerformance line in:\n" + Jvm.tail(out, 10));
            }
            return new ConsumerRate(Long.parseLong(c[4].trim()), Double.parseDouble(c[5].trim()),
                    Double.parseDouble(c[9].trim()));
        } finally {
            try {
                kafka.deleteGroup(group);
            } catch (Exception ignored) {
                // an empty throwaway group expires by itself
            }
        }
    }

    private void createScratchTopic() throws Exception {
        deleteScratchTopic();
        TopicDescription events = kafka.admin().describeTopics(List.of("georisk.events")).allTopicNames()
                .get(30, TimeUnit.SECONDS).get("georisk.events");
        short replication = (short) events.partitions().get(0).replicas().size();
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                kafka.admin().createTopics(List.of(new NewTopic(SCRATCH_TOPIC, events.partitions().size(), replication)
                        .configs(Map.of("retention.ms", "600000")))).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // a topic deleted a moment ago may still be marked for deletion
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                // deletion completes on the broker's own schedule; a pause, not a spin
                Thread.sleep(500);
            }
        }
    }

    private void deleteScratchTopic() throws Exception {
        if (kafka.admin().listTopics().names().get(30, TimeUnit.SECONDS).contains(SCRATCH_TOPIC)) {
            kafka.admin().deleteTopics(List.of(SCRATCH_TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
    }
}
