package org.georisk.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.util.Map;

/**
 * A broker of an outage test's own, which the test stops and starts again (same port, same data), so the JVM's
 * shared broker ({@link KafkaBrokerResource}) stays up for every other test class. Its address is the one the
 * application gets: it starts after the global resources ({@link #order()}) and overrides their
 * bootstrap properties (the Kafka clients' and the Kafka Streams application's). Use it through
 * {@link OutageBrokerProfile}.
 */
public class OutageBroker implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = SingleNodeCluster.start();
            return SingleNodeCluster.applicationConfig(cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the outage test's broker", e);
        }
    }

    @Override
    public int order() {
        return 100;
    }

    /** Stops the broker (the KRaft controller beside it stays); clients see connection refused. */
    public static void stopBroker() {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    /** Starts the broker again on the same port with the same data and waits until it serves. */
    public static void startBroker() throws Exception {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.startup();
        }
        cluster.waitForReadyBrokers();
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the outage test's broker", e);
            } finally {
                cluster = null;
            }
        }
    }
}
