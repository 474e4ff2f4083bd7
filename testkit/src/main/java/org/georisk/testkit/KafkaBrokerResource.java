package org.georisk.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.georisk.infra.TopicCreator;

import java.util.Map;

/**
 * A real single-node KRaft broker in the test JVM (KafkaClusterTestKit), with the GeoRisk topics created.
 * One broker per JVM: Quarkus restarts test resources per test profile, the broker outlives them.
 * Usage: {@code @QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    static {
        // The broker lives inside the test JVM. Kafka's own "halt the process" calls (seen when its temporary log
        // directory goes away while it shuts down at JVM exit) would end the JVM with a non-zero status after every
        // test passed and fail the fork; here they are reported on stderr instead.
        Exit.setHaltProcedure((status, message) ->
                System.err.println("[test broker] asked to halt the JVM with " + status + ": " + message));
        Exit.setExitProcedure((status, message) ->
                System.err.println("[test broker] asked to exit the JVM with " + status + ": " + message));
    }

    /** The running broker's bootstrap address, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "false")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                TopicCreator.createAll(kit.bootstrapServers());
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(KafkaBrokerResource::shutdown));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    private static synchronized void shutdown() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
            cluster = null;
        }
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap);
    }

    @Override
    public void stop() {
        // kept for the next test class of this JVM; closed at JVM exit
    }
}
