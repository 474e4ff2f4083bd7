package org.georisk.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the local KRaft broker in this JVM and creates the GeoRisk topics once it answers.
 *
 * <pre>java -Xmx1g -cp local-infra/target/classes:local-infra/target/broker-lib/* org.georisk.infra.KafkaBrokerMain
 *      --dir .georisk/kafka [--port 9092] [--controller-port 9093]
 *      [--node-id N --voters 1@127.0.0.1:9093,2@127.0.0.1:9095,... --replication 3 --cluster-id ID]</pre>
 *
 * The bracketed arguments make it one broker of a cluster (docs/scaling.md): every node gets the same voters and
 * cluster id, and the topics are created once as many brokers as the replication factor answer.
 *
 * Formats the log dir on first use (StorageTool), then hands over to {@code kafka.Kafka}, which blocks until
 * SIGTERM and shuts the broker down cleanly. One JVM for format, broker and topics saves two JVM starts over
 * running the tools one by one. When everything is up it prints {@value #READY_LINE} and writes the
 * {@code ready} file, which the callers wait for.
 */
public final class KafkaBrokerMain {

    public static final String READY_LINE = "GeoRisk broker ready";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        BrokerConfig config = parse(args);
        config.write();
        // Before the first logger exists: Kafka logs through slf4j -> log4j2, configured by this file.
        System.setProperty("log4j2.configurationFile", config.log4jConfig().toAbsolutePath().toString());
        Files.deleteIfExists(config.readyFile());
        if (!config.formatted()) {
            format(config, clusterId(args));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(config.readyFile());
            } catch (IOException ignored) {
                // the broker is going away; a stale file is caught by the callers' port check
            }
        }, "georisk-ready-file"));
        Thread announcer = new Thread(() -> announceWhenReady(config, started), "georisk-broker-ready");
        announcer.setDaemon(true);
        announcer.start();
        kafka.Kafka.main(new String[]{config.serverProperties().toAbsolutePath().toString()});
    }

    static BrokerConfig parse(String[] args) {
        Path dir = Path.of(".georisk", "kafka");
        int port = BrokerConfig.DEFAULT_PORT;
        int controllerPort = BrokerConfig.DEFAULT_CONTROLLER_PORT;
        int nodeId = 1;
        String voters = null;
        int replication = 1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value);
                case "--port" -> port = Integer.parseInt(value);
                case "--controller-port" -> controllerPort = Integer.parseInt(value);
                case "--node-id" -> nodeId = Integer.parseInt(value);
                case "--voters" -> voters = value;
                case "--replication" -> replication = Integer.parseInt(value);
                case "--cluster-id" -> { } // read by clusterId(args), at format time only
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --dir DIR [--port 9092] [--controller-port 9093] [--node-id N --voters LIST "
                        + "--replication R --cluster-id ID]");
            }
            i++;
        }
        return new BrokerConfig(dir, port, controllerPort, nodeId,
                voters == null ? nodeId + "@127.0.0.1:" + controllerPort : voters, replication);
    }

    /** The --cluster-id every node of a cluster is formatted with; a single broker makes up its own. */
    static String clusterId(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--cluster-id")) {
                return args[i + 1];
            }
        }
        return randomClusterId();
    }

    private static void format(BrokerConfig config, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = kafka.tools.StorageTool.execute(new String[]{
                "format", "-t", clusterId,
                "-c", config.serverProperties().toAbsolutePath().toString(), "--ignore-formatted"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.print(out.toString(StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("formatting " + config.dataDir() + " failed with exit code " + code);
        }
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (what StorageTool random-uuid prints). */
    public static String randomClusterId() {
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    private static void announceWhenReady(BrokerConfig config, long started) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000))) {
            while (true) {
                try {
                    // RF-3 topics cannot be created before three brokers are there to hold them
                    if (admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get().size()
                            >= config.replication()) {
                        break;
                    }
                    Thread.sleep(200);
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
            TopicCreator.createAll(config.bootstrapServers());
            Files.writeString(config.readyFile(), config.bootstrapServers() + "\n");
            System.out.printf("%s on %s, topics created, in %d ms%n", READY_LINE, config.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            System.err.println("GeoRisk broker did not become ready: " + e);
            e.printStackTrace();
            Runtime.getRuntime().halt(2);
        }
    }
}
