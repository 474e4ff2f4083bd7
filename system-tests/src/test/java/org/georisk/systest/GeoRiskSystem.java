package org.georisk.systest;

import org.awaitility.core.ConditionTimeoutException;
import org.georisk.infra.Databases;
import org.georisk.infra.PostgresLocator;
import org.georisk.infra.ServiceKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;

/**
 * The whole of GeoRisk as real processes: a KRaft broker from local-infra/target/broker-lib on free ports
 * (data under target/systest/kafka), fresh {@code georisk_*_systest} databases on the local PostgreSQL (or an
 * embedded one), and the four built service jars on free ports with the {@code local} profile. Started once
 * per test JVM by {@link SystemTestExtension}, stopped when the JVM's tests are done.
 */
public final class GeoRiskSystem implements AutoCloseable {

    /** Fresh georisk_*_systest databases; GEORISK_TEST_DB_SUFFIX keeps a second run on the same server apart. */
    static final String DB_SUFFIX = "_systest" + System.getenv().getOrDefault("GEORISK_TEST_DB_SUFFIX", "");

    public static final String FEED_KEY = "dev-feed-key";
    public static final String ANALYST_KEY = "dev-analyst-key";
    public static final String OPS_KEY = "dev-ops-key";

    /** Services in start order; the gateway last, it calls the others. */
    static final List<String> SERVICES = List.of("ingest-service", "assessment-service", "notification-service",
            "api-gateway");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private final Path root;
    private final Path dir;
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ManagedProcess broker;

    GeoRiskSystem(Path root, Path dir) {
        this.root = root.toAbsolutePath().normalize();
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** From the failsafe configuration (georisk.root, georisk.systest.dir), else guessed from the working dir. */
    static GeoRiskSystem fromSystemProperties() {
        Path root = Path.of(System.getProperty("georisk.root", ".."));
        Path dir = Path.of(System.getProperty("georisk.systest.dir", "target/systest"));
        return new GeoRiskSystem(root, dir);
    }

    public void start() {
        long t0 = System.nanoTime();
        ManagedProcess.endLeftovers(dir.resolve("run"), dir);
        for (String service : SERVICES) {
            Path jar = jar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (mvn verify from the "
                        + "root builds them before this module)");
            }
        }
        if (!Files.isDirectory(root.resolve("local-infra/target/broker-lib"))) {
            throw new IllegalStateException("local-infra/target/broker-lib is missing: package local-infra first");
        }
        // A fresh broker each run, so no state of an earlier one may survive: Kafka Streams state stores and
        // checkpoints under the services' folders would point at offsets the new broker never had.
        deleteTree(dir.resolve("kafka"));
        SERVICES.forEach(service -> deleteTree(dir.resolve(service)));
        broker = new ManagedProcess("kafka", List.of(ServiceLaunch.java(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", infraClasspath(),
                "org.georisk.infra.KafkaBrokerMain", "--dir", dir.resolve("kafka").toString(),
                "--port", String.valueOf(kafkaPort), "--controller-port", String.valueOf(controllerPort)),
                Map.of(), dir, dir.resolve("logs"), dir.resolve("run"));
        broker.start();

        // The databases while the broker starts.
        int pgPort = PostgresLocator.ensureServer(dir.resolve("embedded-postgres"));
        Databases.recreateAll(pgPort, DB_SUFFIX);
        awaitBroker();
        figures.put("broker ready (s)", seconds(t0));

        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        // The service-token key pair, as ./georisk start makes it under .georisk/jwt (kept between runs).
        ServiceKeys.ensure(keyDir());
        long tServices = System.nanoTime();
        for (String service : SERVICES) {
            ManagedProcess process = serviceProcess(service, pgPort);
            services.put(service, process);
            process.start();
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (String service : SERVICES) {
            ready.add(CompletableFuture.runAsync(() -> {
                awaitReady(service);
                figures.put(service + " ready (s)", seconds(tServices));
            }));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        figures.put("system ready (s)", seconds(t0));
        services.forEach((name, process) -> figures.put(name + " RSS (MiB)", String.valueOf(process.rssMib())));
        System.out.println("[systest] GeoRisk up: " + figures + ", gateway " + gatewayUrl() + ", logs in "
                + dir.resolve("logs"));
    }

    private ManagedProcess serviceProcess(String service, int pgPort) {
        Path work = dir.resolve(service);
        Map<String, String> env = ServiceLaunch.environment(service, work, kafkaBootstrap(),
                PostgresLocator.jdbcUrl(pgPort, ServiceLaunch.database(service) + DB_SUFFIX), keyDir(),
                other -> "http://127.0.0.1:" + ports.get(other));
        return ServiceLaunch.process(service, jar(service), work, dir, env, "local", ports.get(service));
    }

    // ---- the broker, for the outage test

    /** Stops the broker process (SIGTERM, clean shutdown); the data stays for {@link #startBroker()}. */
    public void stopBroker() {
        broker.stop(60);
    }

    /** Starts the broker again on the same ports and data directory and waits until it answers. */
    public void startBroker() {
        broker.start();
        awaitBroker();
    }

    /** The broker's pid, or -1 when it is not running (the crash test kills it). */
    public long brokerPid() {
        return broker != null && broker.alive() ? broker.pid() : -1;
    }

    /** Starts the broker again when it is not running (killed); its ready file from before is no proof of life. */
    public void startBrokerIfStopped() {
        if (!broker.alive()) {
            try {
                Files.deleteIfExists(dir.resolve("kafka/ready"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            startBroker();
        }
    }

    private void awaitBroker() {
        Path ready = dir.resolve("kafka/ready");
        try {
            // an exception thrown by the condition ends the wait at once
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!broker.alive()) {
                    throw new IllegalStateException("the broker exited:\n" + broker.tail(40));
                }
                return Files.exists(ready);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the broker is not ready after 120 s:\n" + broker.tail(40), e);
        }
    }

    // ---- one service, for the bench (restarts, the documented rebuild)

    /** Stops one service (SIGTERM, then SIGKILL after 20 s); {@link #startService} starts it again, same port. */
    public void stopService(String service) {
        services.get(service).stop(20);
    }

    /** Starts the service's process again when it is not running (stopped, or ended from outside). */
    public void startService(String service) {
        ManagedProcess process = services.get(service);
        if (!process.alive()) {
            process.start();
        }
    }

    /** The pid of the service's running process, or -1. */
    public long servicePid(String service) {
        ManagedProcess process = services.get(service);
        return process != null && process.alive() ? process.pid() : -1;
    }

    /** The service's GEORISK_WORK_DIR (its Kafka Streams state is under kafka-streams/ there). */
    public Path serviceWorkDir(String service) {
        return dir.resolve(service);
    }

    // ---- readiness

    private void awaitReady(String service) {
        ManagedProcess process = services.get(service);
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.alive()) {
                    throw new IllegalStateException(service + " exited; last lines of " + process.log() + ":\n"
                            + process.tail(60));
                }
                return readyStatus(service) == 200;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(service + " is not ready after " + READY_TIMEOUT.toSeconds()
                    + " s; last lines of " + process.log() + ":\n" + process.tail(60), e);
        }
    }

    /** HTTP status of the service's /q/health/ready (200 UP, 503 DOWN), or -1 when it does not answer. */
    public int readyStatus(String service) {
        return ServiceLaunch.readyStatus(http, serviceUrl(service));
    }

    // ---- addresses

    public String gatewayUrl() {
        return serviceUrl("api-gateway");
    }

    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The service-token key pair of this run: the gateway signs with the private key, the services verify. */
    public Path keyDir() {
        return dir.resolve("jwt");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public Path root() {
        return root;
    }

    public Map<String, String> figures() {
        return figures;
    }

    /** The last lines of a process's log (service name or "kafka"), for failure messages. */
    /** Where every process of this run writes its log ({@code <name>.log}). */
    public Path logsDir() {
        return dir.resolve("logs");
    }

    public String logTail(String name, int lines) {
        ManagedProcess process = name.equals("kafka") ? broker : services.get(name);
        return process == null ? "" : process.tail(lines);
    }

    @Override
    public void close() {
        long t0 = System.nanoTime();
        List<ManagedProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(p -> p.stop(20));
        if (broker != null) {
            broker.stop(30);
        }
        System.out.println("[systest] GeoRisk stopped in " + seconds(t0) + " s");
    }

    // ---- helpers

    private Path jar(String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private String infraClasspath() {
        Path infra = root.resolve("local-infra/target");
        return infra.resolve("classes") + java.io.File.pathSeparator + infra.resolve("broker-lib") + "/*";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }

    /** Deletes a directory tree, if it exists. */
    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
