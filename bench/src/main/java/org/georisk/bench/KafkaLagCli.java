package org.georisk.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link KafkaLag} for the scripts ({@code java -cp bench/target/classes:bench/target/lib/* org.georisk.bench.KafkaLagCli}):
 *
 * <pre>
 *   count  &lt;bootstrap&gt; &lt;topic&gt;                                  records in the topic
 *   lag    &lt;bootstrap&gt; &lt;topic&gt; &lt;group&gt;[,&lt;group&gt;...]             one line per group: committed, end, lag
 *   watch  &lt;bootstrap&gt; &lt;topic&gt; &lt;group&gt; &lt;timeoutS&gt; &lt;t0EpochMs&gt;   until the group's lag is 0 (exit 0; 3 on timeout)
 *   delete &lt;bootstrap&gt; &lt;group&gt;                                  deletes an (empty) consumer group
 *   idle   &lt;bootstrap&gt; &lt;timeoutS&gt; &lt;topic&gt;:&lt;group&gt;[,...]         until every listed group's lag is &le; 10 (exit 0; 3)
 * </pre>
 */
public final class KafkaLagCli {

    private KafkaLagCli() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int status = 0;
        try (KafkaLag kafka = KafkaLag.connect(args[1])) {
            switch (mode) {
                case "count" -> System.out.println(kafka.count(args[2]));
                case "lag" -> {
                    for (String group : args[3].split(",")) {
                        long[] s = kafka.snapshot(args[2], group);
                        System.out.printf(Locale.ROOT, "  %-32s on %s: committed %d of %d, lag %d%n", group, args[2],
                                s[0], s[1], kafka.lag(args[2], group));
                    }
                }
                case "watch" -> status = new RebuildWatch(kafka, System.out)
                        .watch(args[2], args[3], Duration.ofSeconds(Long.parseLong(args[4])), Long.parseLong(args[5]))
                        .caughtUp() ? 0 : 3;
                case "idle" -> {
                    Map<String, String> groups = new LinkedHashMap<>();
                    for (String tg : args[3].split(",")) {
                        groups.put(tg.split(":")[1], tg.split(":")[0]);
                    }
                    status = new RebuildWatch(kafka, System.out)
                            .awaitIdle(groups, Duration.ofSeconds(Long.parseLong(args[2]))) ? 0 : 3;
                }
                case "delete" -> kafka.deleteGroup(args[2]);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        System.exit(status);
    }
}
