package org.georisk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The system of {@code ./georisk start}: pids in .georisk/run/&lt;service&gt;.pid, services on 8080-8083, started by
 * {@code ./georisk start} (which starts what is not running), stopped by their pid as the script stops them.
 */
public final class GeoriskScriptControl implements ServiceControl {

    static final Map<String, Integer> PORTS = Map.of("ingest-service", 8081, "assessment-service", 8082,
            "notification-service", 8083, "api-gateway", 8080);

    private final Path root;
    private final String bootstrap;

    public GeoriskScriptControl(Path root, String bootstrap) {
        this.root = root;
        this.bootstrap = bootstrap;
    }

    /** Runs assessment-service/bin/rebuild.sh with GEORISK_NO_RESTART=1 and the given environment on top. */
    public static void runRebuildScript(Path root, Map<String, String> env, Path log) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("GEORISK_NO_RESTART", "1");
        Jvm.run(List.of("bash", root.resolve("assessment-service/bin/rebuild.sh").toString()), all, root,
                Duration.ofSeconds(300), log);
    }

    @Override
    public void resetAssessmentStream(Path log) throws Exception {
        runRebuildScript(root, Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap), log);
    }

    @Override
    public CompletableFuture<Void> startStopped(Path log) {
        for (String service : PORTS.keySet()) {
            // ./georisk start runs a whole Maven build when a jar is missing: never from the bench
            if (!Files.isRegularFile(root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"))) {
                return CompletableFuture.failedFuture(new IllegalStateException(service
                        + "/target/quarkus-app/quarkus-run.jar is missing (a build running?); start it with ./georisk start"));
            }
        }
        return CompletableFuture.runAsync(() -> {
            try {
                Jvm.run(List.of(root.resolve("georisk").toString(), "start"), Map.of(), root, Duration.ofSeconds(300), log);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    @Override
    public void stop(String service) throws Exception {
        long pid = pid(service);
        if (pid > 0) {
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
            handle.destroy(); // SIGTERM: the service drains its Kafka clients, as on ./georisk stop
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        Files.deleteIfExists(pidFile(service));
    }

    @Override
    public long pid(String service) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile(service)).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? pid : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    private Path pidFile(String service) {
        return root.resolve(".georisk/run").resolve(service + ".pid");
    }
}
