package org.georisk.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;

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
                cluster = SingleNodeCluster.start();
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
        return SingleNodeCluster.applicationConfig(bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the next test class of this JVM; closed at JVM exit
    }
}
