package org.georisk.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A KRaft broker the local run and the system tests start: broker and controller in one process on loopback, no
 * auto-created topics (the GeoRisk topics are created up front from {@code Topics.ALL}). Alone (the default) it is
 * node 1 with replication factor and min ISR 1; as one of a cluster ({@code ./georisk start --cluster},
 * docs/scaling.md) every node lists the same voters and topics get the cluster's replication factor with min ISR 2,
 * so one broker may be lost without losing an acknowledged record or refusing a write.
 *
 * <p>Layout under {@code dir}: {@code server.properties}, {@code log4j2.properties}, {@code data/} (the log
 * dirs and KRaft metadata) and, while the broker is up, {@code ready} holding the bootstrap address.
 */
public record BrokerConfig(Path dir, int port, int controllerPort, int nodeId, String voters, int replication) {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    /** The single broker: node 1, its own only voter, replication factor 1. */
    public BrokerConfig(Path dir, int port, int controllerPort) {
        this(dir, port, controllerPort, 1, "1@127.0.0.1:" + controllerPort, 1);
    }

    /** In-sync replicas a write needs: 2 where there are 3 or more copies (one broker may be away), else 1. */
    public int minInsyncReplicas() {
        return replication >= 3 ? 2 : 1;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path serverProperties() {
        return dir.resolve("server.properties");
    }

    public Path log4jConfig() {
        return dir.resolve("log4j2.properties");
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Present once the broker answers and the topics exist; removed when the broker stops. */
    public Path readyFile() {
        return dir.resolve("ready");
    }

    /** True when the log dir has been formatted (KRaft refuses to start on an unformatted one). */
    public boolean formatted() {
        return Files.exists(dataDir().resolve("meta.properties"));
    }

    public String serverPropertiesText() {
        String data = dataDir().toAbsolutePath().toString();
        return String.join("\n",
                "# Written by org.georisk.infra.BrokerConfig on every start; edit that class, not this file.",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "metadata.log.dir=" + data,
                "num.partitions=1",
                // every topic, GeoRisk's, Kafka Streams' internal ones and Kafka's own, gets these
                "default.replication.factor=" + replication,
                "min.insync.replicas=" + minInsyncReplicas(),
                "offsets.topic.replication.factor=" + replication,
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minInsyncReplicas(),
                "transaction.state.log.num.partitions=6",
                "share.coordinator.state.topic.replication.factor=" + replication,
                "share.coordinator.state.topic.min.isr=" + minInsyncReplicas(),
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // A development broker: keep it small and quick to stop.
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=168",
                "log.segment.bytes=67108864",
                "");
    }

    /** Broker logs go to stdout, which the caller redirects to its log file; Kafka's chatty classes at WARN. */
    public static String log4jText() {
        return String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                // WARN and up, plus the lines that say the broker started and stopped.
                "rootLogger.level = warn",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = info",
                "logger.shutdown.name = kafka.server.BrokerServer",
                "logger.shutdown.level = info",
                "logger.clients.name = org.apache.kafka.clients",
                "logger.clients.level = error",
                "");
    }

    /** Writes server.properties and log4j2.properties (always, so a changed port takes effect). */
    public void write() {
        try {
            Files.createDirectories(dataDir());
            Files.writeString(serverProperties(), serverPropertiesText());
            Files.writeString(log4jConfig(), log4jText());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the broker configuration in " + dir, e);
        }
    }
}
