package org.georisk.systest;

import org.georisk.infra.Databases;
import org.georisk.infra.KafkaBrokerMain;
import org.georisk.infra.PostgresLocator;
import org.georisk.infra.ServiceKeys;
import org.georisk.infra.TcpBalancer;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;


import static org.awaitility.Awaitility.await;
/**
 * GeoRisk as {@code ./georisk start --cluster} runs it (docs/scaling.md), as real processes: three KRaft brokers
 * (replication factor 3, min ISR 2), two instances of each service with the {@code local,cluster} profiles, and one
 * {@link TcpBalancer} per service in this JVM, so the gateway pair has one address and each gateway reaches the
 * instances of the services behind it through theirs. Databases {@code georisk_*_cluster}, apart from the single
 * system's. Not shared: the failover test kills parts of it.
 */
final class ClusterSystem implements AutoCloseable {

    static final int BROKERS = 3;
    static final int INSTANCES = 2;
    private static final String DB_SUFFIX = "_cluster" + System.getenv().getOrDefault("GEORISK_TEST_DB_SUFFIX", "");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Path root;
    private final Path dir;
    /** Every port this system listens on, distinct: brokers, controllers, balancers, instances. */
    private final java.util.Deque<Integer> ports = freePorts(2 * BROKERS + GeoRiskSystem.SERVICES.size() * (1 + INSTANCES));
    private final int[] kafkaPorts = IntStream.range(0, BROKERS).map(i -> ports.pop()).toArray();
    private final int[] controllerPorts = IntStream.range(0, BROKERS).map(i -> ports.pop()).toArray();
    private final Map<String, Integer> balancerPorts = new LinkedHashMap<>();
    private final Map<String, Integer> instancePorts = new LinkedHashMap<>();
    private final List<ManagedProcess> brokers = new ArrayList<>();
    private final Map<String, ManagedProcess> instances = new LinkedHashMap<>();
    private final List<TcpBalancer> balancers = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ClusterSystem(Path root, Path dir) {
        this.root = root.toAbsolutePath().normalize();
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** Beside the single system's folder (georisk.systest.dir), in systest-cluster. */
    static ClusterSystem fromSystemProperties() {
        Path single = Path.of(System.getProperty("georisk.systest.dir", "target/systest"));
        return new ClusterSystem(Path.of(System.getProperty("georisk.root", "..")), single.resolveSibling("systest-cluster"));
    }

    void start() throws IOException {
        long t0 = System.nanoTime();
        ManagedProcess.endLeftovers(dir.resolve("run"), dir);
        GeoRiskSystem.deleteTree(dir);
        String clusterId = KafkaBrokerMain.randomClusterId();
        String voters = IntStream.range(0, BROKERS).mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        for (int i = 0; i < BROKERS; i++) {
            ManagedProcess broker = new ManagedProcess("kafka-" + (i + 1), List.of(ServiceLaunch.java(), "-Xmx512m",
                    "-XX:+UseSerialGC", "-cp", infraClasspath(), "org.georisk.infra.KafkaBrokerMain",
                    "--dir", dir.resolve("kafka-" + (i + 1)).toString(), "--port", String.valueOf(kafkaPorts[i]),
                    "--controller-port", String.valueOf(controllerPorts[i]), "--node-id", String.valueOf(i + 1),
                    "--voters", voters, "--replication", String.valueOf(BROKERS), "--cluster-id", clusterId),
                    Map.of(), dir, dir.resolve("logs"), dir.resolve("run"));
            brokers.add(broker);
            broker.start();
        }
        int pgPort = PostgresLocator.ensureServer(dir.resolveSibling("embedded-postgres"));
        Databases.recreateAll(pgPort, DB_SUFFIX);
        for (int i = 0; i < BROKERS; i++) {
            awaitFile(dir.resolve("kafka-" + (i + 1)).resolve("ready"), brokers.get(i));
        }
        figures.put("brokers ready (s)", GeoRiskSystem.seconds(t0));
        ServiceKeys.ensure(keyDir());

        for (String service : GeoRiskSystem.SERVICES) {
            List<InetSocketAddress> behind = new ArrayList<>();
            for (int n = 1; n <= INSTANCES; n++) {
                int port = ports.pop();
                instancePorts.put(instance(service, n), port);
                behind.add(new InetSocketAddress("127.0.0.1", port));
            }
            TcpBalancer balancer = new TcpBalancer(ports.pop(), behind);
            balancers.add(balancer);
            balancerPorts.put(service, balancer.port());
        }
        // Instance 1 of every service, then instance 2: the first start of a database (migrations, development keys)
        // is then done by one instance, and two JVMs fewer compete for the two cores at a time.
        for (int n = 1; n <= INSTANCES; n++) {
            long tInstances = System.nanoTime();
            for (String service : GeoRiskSystem.SERVICES) {
                ManagedProcess process = serviceProcess(service, n, pgPort);
                instances.put(instance(service, n), process);
                process.start();
            }
            for (String service : GeoRiskSystem.SERVICES) {
                awaitReady(instance(service, n));
            }
            figures.put("instances " + n + " ready (s)", GeoRiskSystem.seconds(tInstances));
        }
        figures.put("cluster ready (s)", GeoRiskSystem.seconds(t0));
        System.out.println("[cluster] GeoRisk cluster up: " + figures + ", gateway " + gatewayUrl() + ", logs in "
                + dir.resolve("logs"));
    }

    private ManagedProcess serviceProcess(String service, int n, int pgPort) {
        String name = instance(service, n);
        Path work = dir.resolve(name);
        Map<String, String> env = ServiceLaunch.environment(service, work, kafkaBootstrap(),
                PostgresLocator.jdbcUrl(pgPort, ServiceLaunch.database(service) + DB_SUFFIX), keyDir(),
                this::balancerUrl);
        return ServiceLaunch.process(name, root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"), work,
                dir, env, "local,cluster", instancePorts.get(name));
    }

    static String instance(String service, int n) {
        return service + "-" + n;
    }

    // ---- what the failover test kills and asks

    /** The pid of broker n (1-based), or -1 when it is not running. */
    long brokerPid(int n) {
        ManagedProcess broker = brokers.get(n - 1);
        return broker.alive() ? broker.pid() : -1;
    }

    /** The pid of an instance ("assessment-service-1"), or -1 when it is not running. */
    long instancePid(String instance) {
        ManagedProcess process = instances.get(instance);
        return process != null && process.alive() ? process.pid() : -1;
    }

    /** The gateway pair's one address. */
    String gatewayUrl() {
        return balancerUrl("api-gateway");
    }

    String balancerUrl(String service) {
        return "http://127.0.0.1:" + balancerPorts.get(service);
    }

    String instanceUrl(String instance) {
        return "http://127.0.0.1:" + instancePorts.get(instance);
    }

    String kafkaBootstrap() {
        return IntStream.of(kafkaPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    Path keyDir() {
        return dir.resolve("jwt");
    }

    Path logsDir() {
        return dir.resolve("logs");
    }

    Map<String, String> figures() {
        return figures;
    }

    // ---- readiness

    private void awaitReady(String instance) {
        ManagedProcess process = instances.get(instance);
        try {
            // an exception thrown by the condition ends the wait at once
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.alive()) {
                    throw new IllegalStateException(instance + " exited:\n" + process.tail(60));
                }
                return readyStatus(instance) == 200;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(instance + " is not ready after " + READY_TIMEOUT.toSeconds() + " s:\n"
                    + process.tail(60), e);
        }
    }

    int readyStatus(String instance) {
        return ServiceLaunch.readyStatus(http, instanceUrl(instance));
    }

    private static void awaitFile(Path ready, ManagedProcess process) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.alive()) {
                    throw new IllegalStateException(process.name() + " exited:\n" + process.tail(40));
                }
                return Files.exists(ready);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(process.name() + " is not ready after 120 s:\n" + process.tail(40), e);
        }
    }

    @Override
    public void close() {
        long t0 = System.nanoTime();
        instances.values().parallelStream().forEach(p -> p.stop(20));
        brokers.parallelStream().forEach(p -> p.stop(30));
        for (TcpBalancer balancer : balancers) {
            try {
                balancer.close();
            } catch (IOException ignored) {
                // the JVM ends soon after
            }
        }
        System.out.println("[cluster] GeoRisk cluster stopped in " + GeoRiskSystem.seconds(t0) + " s");
    }

    // ---- helpers

    private String infraClasspath() {
        Path infra = root.resolve("local-infra/target");
        return infra.resolve("classes") + java.io.File.pathSeparator + infra.resolve("broker-lib") + "/*";
    }

    /**
     * n ports free at once: held open together, so no two are the same (one at a time, the system's next ephemeral
     * port can be one handed out a moment ago).
     */
    private static java.util.Deque<Integer> freePorts(int n) {
        List<java.net.ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(new java.net.ServerSocket(0));
            }
            return held.stream().map(java.net.ServerSocket::getLocalPort)
                    .collect(Collectors.toCollection(java.util.ArrayDeque::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (java.net.ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listener we opened a moment ago
                }
            }
        }
    }
}
