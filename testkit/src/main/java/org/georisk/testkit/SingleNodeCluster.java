package org.georisk.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.georisk.infra.TopicCreator;

import java.util.Map;

/** A started single-node KRaft cluster (combined broker + controller) with the GeoRisk topics created. */
final class SingleNodeCluster {

    private SingleNodeCluster() {
    }

    static KafkaClusterTestKit start() throws Exception {
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
        return kit;
    }

    /** What an application under test gets: its Kafka clients and its Kafka Streams application point here. */
    static Map<String, String> applicationConfig(String bootstrap) {
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap);
    }
}
