package org.georisk.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.georisk.infra.TopicCreator;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A broker of an outage test's own, which the test stops and starts again (same port, same data), so the JVM's
 * shared broker ({@link KafkaBrokerResource}) stays up for every other test class. Its address is the one the
 * application gets: it starts after the global resources ({@link #order()}) and overrides their
 * {@code kafka.bootstrap.servers} — and any other property named in the init argument {@value #PROPERTIES}
 * (comma-separated, e.g. {@code quarkus.kafka-streams.bootstrap-servers} for a Kafka Streams application).
 * Use it from a test profile: {@code new TestResourceEntry(OutageBroker.class, Map.of(OutageBroker.PROPERTIES, …))}.
 */
public class OutageBroker implements QuarkusTestResourceLifecycleManager {

    /** Init argument: the configuration properties that get the broker's address, comma-separated. */
    public static final String PROPERTIES = "properties";

    private static KafkaClusterTestKit cluster;

    private String[] properties = {"kafka.bootstrap.servers"};

    @Override
    public void init(Map<String, String> initArgs) {
        String named = initArgs.get(PROPERTIES);
        if (named != null && !named.isBlank()) {
            properties = Arrays.stream(named.split(",")).map(String::trim).toArray(String[]::new);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            TopicCreator.createAll(kit.bootstrapServers());
            cluster = kit;
            return Arrays.stream(properties).collect(Collectors.toMap(Function.identity(), p -> kit.bootstrapServers()));
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
