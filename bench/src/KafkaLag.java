import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Consumer-group lag with the Admin API (what kafka-consumer-groups --describe shows), for bench/rebuild.sh.
 * Classpath: local-infra/target/broker-lib/*.
 *
 *   count  <bootstrap> <topic>                                  records in the topic (sum of end - start offsets)
 *   lag    <bootstrap> <topic> <group>[,<group>...]             one line per group: committed, end, lag
 *   watch  <bootstrap> <topic> <group> <timeoutS> <t0EpochMs>   polls every 250 ms until the group's lag is 0,
 *                                                               prints progress every 5 s, then the RESULT line
 *   delete <bootstrap> <group>                                  deletes an (empty) consumer group
 *   idle   <bootstrap> <timeoutS> <topic>:<group>[,...]         waits until every listed group's lag is <= 10
 *                                                               (exit 0) or the timeout passes (exit 3)
 */
public class KafkaLag {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String bootstrap = args[1];
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("bootstrap must be on 127.0.0.1");
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            switch (mode) {
                case "count" -> System.out.println(count(admin, args[2]));
                case "lag" -> {
                    for (String group : args[3].split(",")) {
                        long[] s = snapshot(admin, args[2], group);
                        System.out.printf(Locale.ROOT, "  %-32s on %s: committed %d of %d, lag %d%n", group, args[2], s[0], s[1], s[1] - s[0]);
                    }
                }
                case "watch" -> System.exit(watch(admin, args[2], args[3], Long.parseLong(args[4]), Long.parseLong(args[5])));
                case "idle" -> System.exit(idle(admin, Long.parseLong(args[2]), args[3].split(",")));
                case "delete" -> admin.deleteConsumerGroups(List.of(args[2])).all().get(30, TimeUnit.SECONDS);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
    }

    static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> parts, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        parts.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> result.put(p, info.offset()));
        return result;
    }

    static long count(Admin admin, String topic) throws Exception {
        List<TopicPartition> parts = partitions(admin, topic);
        Map<TopicPartition, Long> start = offsets(admin, parts, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(admin, parts, OffsetSpec.latest());
        return parts.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
    }

    /** {committed (a partition without a committed offset counts at its start offset), end}, summed over partitions. */
    static long[] snapshot(Admin admin, String topic, String group) throws Exception {
        List<TopicPartition> parts = partitions(admin, topic);
        Map<TopicPartition, Long> start = offsets(admin, parts, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(admin, parts, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long c = 0, e = 0;
        for (TopicPartition p : parts) {
            OffsetAndMetadata om = committed.get(p);
            c += om == null ? start.get(p) : om.offset();
            e += end.get(p);
        }
        return new long[]{c, e};
    }

    static int idle(Admin admin, long timeoutS, String[] topicGroups) throws Exception {
        long start = System.currentTimeMillis();
        long lastPrint = 0;
        while (true) {
            StringBuilder line = new StringBuilder();
            long worst = 0;
            for (String tg : topicGroups) {
                String[] parts = tg.split(":");
                long[] s = snapshot(admin, parts[0], parts[1]);
                worst = Math.max(worst, s[1] - s[0]);
                line.append(String.format(Locale.ROOT, " %s lag %d;", parts[1], s[1] - s[0]));
            }
            long now = System.currentTimeMillis();
            if (worst <= 10) {
                System.out.printf(Locale.ROOT, "  pipeline idle after %.1f s:%s%n", (now - start) / 1000.0, line);
                return 0;
            }
            if (now - start > timeoutS * 1000) {
                System.out.printf(Locale.ROOT, "  pipeline NOT idle after %d s:%s%n", timeoutS, line);
                return 3;
            }
            if (now - lastPrint >= 10_000) {
                lastPrint = now;
                System.out.printf(Locale.ROOT, "  waiting for the backlog to drain:%s%n", line);
            }
            Thread.sleep(1000);
        }
    }

    static int watch(Admin admin, String topic, String group, long timeoutS, long t0) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutS * 1000;
        long[] first = snapshot(admin, topic, group);
        long baseline = first[0];
        long firstProgressAt = -1, firstProgressCommitted = 0;
        long lastPrint = System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "  watching group %s on %s: committed %d of %d, lag %d%n", group, topic, first[0], first[1], first[1] - first[0]);
        while (System.currentTimeMillis() < deadline) {
            long[] s;
            try {
                s = snapshot(admin, topic, group);
            } catch (Exception e) {
                System.out.println("  (lag query failed, retrying: " + e.getMessage() + ")");
                Thread.sleep(1000);
                continue;
            }
            long now = System.currentTimeMillis();
            if (firstProgressAt < 0 && s[0] > baseline) {
                firstProgressAt = now;
                firstProgressCommitted = s[0];
                System.out.printf(Locale.ROOT, "  first committed progress %.1f s after t0 (committed %d)%n", (now - t0) / 1000.0, s[0]);
            }
            if (s[0] >= s[1]) {
                double wall = (now - t0) / 1000.0;
                long consumed = s[0] - baseline;
                System.out.printf(Locale.ROOT, "RESULT rebuild: group %s caught up: %d events consumed (log end %d) in %.1f s from t0 = %.0f events/s%n",
                        group, consumed, s[1], wall, consumed / wall);
                if (firstProgressAt > 0 && now > firstProgressAt) {
                    double steady = (now - firstProgressAt) / 1000.0;
                    System.out.printf(Locale.ROOT, "RESULT rebuild steady: %d events from the first commit to lag 0 in %.1f s = %.0f events/s (t0 to first commit: %.1f s: JVM start, rebalance, restore)%n",
                            s[0] - firstProgressCommitted, steady, (s[0] - firstProgressCommitted) / steady, (firstProgressAt - t0) / 1000.0);
                }
                return 0;
            }
            if (now - lastPrint >= 5000) {
                lastPrint = now;
                System.out.printf(Locale.ROOT, "  %6.1f s: committed %d of %d, lag %d%n", (now - t0) / 1000.0, s[0], s[1], s[1] - s[0]);
            }
            Thread.sleep(250);
        }
        long[] s = snapshot(admin, topic, group);
        double wall = (System.currentTimeMillis() - t0) / 1000.0;
        System.out.printf(Locale.ROOT, "RESULT rebuild: TIMEOUT after %.1f s: group %s committed %d of %d (lag %d): %.0f events/s so far%n",
                wall, group, s[0], s[1], s[1] - s[0], (s[0] - baseline) / wall);
        return 3;
    }
}
