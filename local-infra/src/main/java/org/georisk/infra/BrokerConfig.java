package org.georisk.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The single-node KRaft broker the local run and the system tests start (PLATFORM.md settings): broker and
 * controller in one process on loopback, replication factor and min ISR 1 for the internal topics, no
 * auto-created topics (the GeoRisk topics are created up front from {@code Topics.ALL}).
 *
 * <p>Layout under {@code dir}: {@code server.properties}, {@code log4j2.properties}, {@code data/} (the log
 * dirs and KRaft metadata) and, while the broker is up, {@code ready} holding the bootstrap address.
 */
public record BrokerConfig(Path dir, int port, int controllerPort) {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

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
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "metadata.log.dir=" + data,
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=6",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
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
