package org.georisk.systest;

import org.georisk.infra.Databases;
import org.georisk.infra.ServiceKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How the system tests start one instance of a service, the same for the single system and the cluster. */
final class ServiceLaunch {

    private ServiceLaunch() {
    }

    /**
     * The instance's environment: broker, work directory, database, the service-token public key; the gateway also
     * gets the private key and the address of each service it calls ({@code serviceUrl} of the service's name).
     */
    static Map<String, String> environment(String service, Path work, String bootstrap, String dbUrl, Path keyDir,
                                           Function<String, String> serviceUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("GEORISK_WORK_DIR", work.toString());
        env.put("GEORISK_DB_URL", dbUrl);
        env.put("GEORISK_JWT_PUBLIC_KEY_LOCATION", "file:" + keyDir.resolve(ServiceKeys.PUBLIC_KEY));
        if (service.equals("api-gateway")) {
            env.put("GEORISK_JWT_PRIVATE_KEY_LOCATION", "file:" + keyDir.resolve(ServiceKeys.PRIVATE_KEY));
            env.put("GEORISK_INGEST_URL", serviceUrl.apply("ingest-service"));
            env.put("GEORISK_ASSESSMENT_URL", serviceUrl.apply("assessment-service"));
            env.put("GEORISK_NOTIFICATION_URL", serviceUrl.apply("notification-service"));
        }
        return env;
    }

    /** The instance's process (not started): the built jar with the given Quarkus profiles and HTTP port. */
    static ManagedProcess process(String name, Path jar, Path work, Path systemDir, Map<String, String> env,
                                  String profiles, int port) {
        List<String> command = List.of(java(),
                // Two cores shared by many JVMs: a lighter JIT and GC start the services faster.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + work.resolve("tmp"),
                "-Dquarkus.profile=" + profiles,
                "-Dquarkus.http.port=" + port,
                "-Dkafka-streams.state.dir=" + work.resolve("kafka-streams"),
                "-jar", jar.toString());
        try {
            Files.createDirectories(work.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ManagedProcess(name, command, env, work, systemDir.resolve("logs"), systemDir.resolve("run"));
    }

    /** The service's database name (before the run's suffix). */
    static String database(String service) {
        return switch (service) {
            case "ingest-service" -> Databases.INGEST;
            case "assessment-service" -> Databases.ASSESSMENT;
            case "notification-service" -> Databases.NOTIFICATION;
            case "api-gateway" -> Databases.GATEWAY;
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** The JVM running the tests, for every process they start. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * HTTP status of an instance's /q/health/ready (200 UP, 503 DOWN), or -1 when it does not answer. With the broker
     * gone every service answers DOWN within ~2 s (docs/operations.md; each service's ReadinessOutageTest holds it to
     * 5 s); the 20 s here only keeps a loaded CI machine from turning a slow answer into a failure.
     */
    static int readyStatus(HttpClient http, String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(20)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
