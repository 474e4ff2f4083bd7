package org.georisk.systest;

import org.georisk.bench.crash.ClusterFailover;
import org.georisk.bench.crash.QueryProbe;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.infra.ServiceKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster keeps going when parts of it die (issue 16, docs/scaling.md): under a steady load through the gateway
 * pair's one address, one broker, then one assessment-service instance, then one notification-service and one gateway
 * instance are killed with SIGKILL and left dead. Nothing accepted may be lost or counted twice, every webhook alert
 * must arrive exactly once, queries (at the gateway and at each assessment-service instance) may answer 503 for a
 * while but never wrongly, and an SSE client of the surviving gateway sees every alert. Prints each failover's time
 * (a figure, not a verdict); that the system recovers at all is the verdict of every group's lag reaching 0.
 * First in the run and not a {@code @SystemTest}: the single system starts after this cluster is gone.
 */
@Order(1)
class ClusterIT {

    private static final Pattern ALERT_ID = Pattern.compile("\"alertId\"\\s*:\\s*\"([^\"]+)\"");
    private static ClusterSystem cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = ClusterSystem.fromSystemProperties();
        try {
            cluster.start();
        } catch (RuntimeException | java.io.IOException e) {
            cluster.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killingABrokerAndOneInstanceOfEachServiceLosesNothingAndDuplicatesNothing() throws Exception {
        String gateway1 = cluster.instanceUrl(ClusterSystem.instance("api-gateway", 1));
        String gateway2 = cluster.instanceUrl(ClusterSystem.instance("api-gateway", 2));
        try (SseClient survivor = SseClient.connect(gateway1 + "/api/v1/stream/alerts", GeoRiskSystem.ANALYST_KEY,
                Duration.ofSeconds(30));
             SseClient victim = SseClient.connect(gateway2 + "/api/v1/stream/alerts", GeoRiskSystem.ANALYST_KEY,
                Duration.ofSeconds(30))) {
            assertEquals(200, survivor.status());
            assertEquals(200, victim.status());

            ClusterFailover.Settings settings = new ClusterFailover.Settings(cluster.gatewayUrl(),
                    cluster.kafkaBootstrap(), GeoRiskSystem.FEED_KEY, GeoRiskSystem.ANALYST_KEY, 50, 10, kills(),
                    Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(15), queryTargets(),
                    cluster.logsDir().resolveSibling("failover"));
            ClusterFailover.Report report = new ClusterFailover(settings, System.out).run();
            report.print(System.out);

            Set<String> seenBySurvivor = new TreeSet<>();
            survivor.events().forEach(e -> alertId(e.data()).ifPresent(seenBySurvivor::add));
            Set<String> missedBySurvivor = new TreeSet<>(report.subscriptionAlertIds());
            missedBySurvivor.removeAll(seenBySurvivor);
            System.out.printf("[cluster] SSE at the surviving gateway: %d alerts, %d of the subscription's %d missing%n",
                    seenBySurvivor.size(), missedBySurvivor.size(), report.subscriptionAlertIds().size());
            System.out.println("[cluster] startup " + cluster.figures());

            assertAll(
                    () -> assertEquals(3, report.failovers().size(), "every kill happened: " + report.failovers()),
                    () -> assertTrue(report.checks().acknowledged() > 100,
                            "the load was acknowledged: " + report.checks().acknowledged()),
                    () -> assertEquals(0, report.checks().lost(), "acknowledged events lost"),
                    () -> assertEquals(0, report.checks().countedTwice(), "events counted twice"),
                    () -> assertTrue(report.checks().deliveredTwice().isEmpty(),
                            "alerts delivered twice: " + report.checks().deliveredTwice()),
                    () -> assertTrue(report.checks().notDelivered().isEmpty(),
                            "alerts not delivered: " + report.checks().notDelivered()),
                    () -> assertTrue(report.probe().wrong().isEmpty(), "wrong query answers: " + report.probe().wrong()),
                    () -> assertTrue(report.probe().answered().keySet().containsAll(
                            List.of("gateway", "assessment-service-1", "assessment-service-2")),
                            "every query target answered: " + report.probe().answered()),
                    () -> assertTrue(missedBySurvivor.isEmpty(),
                            "alerts the surviving gateway's SSE client did not see: " + missedBySurvivor));
        }
    }

    /** A broker; an assessment-service instance; a notification-service and a gateway instance together. */
    private static List<ClusterFailover.Kill> kills() {
        String assessment = ClusterSystem.instance("assessment-service", 1);
        String notification = ClusterSystem.instance("notification-service", 1);
        String gateway = ClusterSystem.instance("api-gateway", 2);
        return List.of(
                new ClusterFailover.Kill("broker kafka-1", List.of(() -> cluster.brokerPid(1)), List.of()),
                new ClusterFailover.Kill(assessment, List.of(() -> cluster.instancePid(assessment)),
                        List.of(assessment)),
                new ClusterFailover.Kill(notification + " + " + gateway, List.of(
                        () -> cluster.instancePid(notification), () -> cluster.instancePid(gateway)), List.of()));
    }

    /** The gateway pair's address with the analyst key, and each assessment-service instance with a service token. */
    private static List<QueryProbe.Target> queryTargets() {
        PrivateKey key = ServiceCredentials.readPrivateKey(cluster.keyDir().resolve(ServiceKeys.PRIVATE_KEY));
        Supplier<Map<String, String>> token = () -> {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ServiceIdentity.ISSUER);
            claims.put("aud", ServiceIdentity.ASSESSMENT);
            claims.put("upn", "cluster-probe");
            claims.put("groups", List.of(ServiceIdentity.ANALYST));
            claims.put("iat", Instant.now().getEpochSecond());
            claims.put("exp", Instant.now().plusSeconds(50).getEpochSecond());
            return Map.of("Authorization", "Bearer " + ServiceCredentials.rs256(claims, key));
        };
        return List.of(
                new QueryProbe.Target("gateway", cluster.gatewayUrl() + "/api/v1/assessments/",
                        () -> Map.of("X-API-Key", GeoRiskSystem.ANALYST_KEY)),
                new QueryProbe.Target("assessment-service-1",
                        cluster.instanceUrl("assessment-service-1") + "/assessments/", token),
                new QueryProbe.Target("assessment-service-2",
                        cluster.instanceUrl("assessment-service-2") + "/assessments/", token));
    }

    private static java.util.Optional<String> alertId(String data) {
        Matcher m = ALERT_ID.matcher(data == null ? "" : data);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }
}
