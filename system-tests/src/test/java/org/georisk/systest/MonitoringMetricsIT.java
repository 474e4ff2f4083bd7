package org.georisk.systest;

import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every metric the alerting rules and the Grafana dashboard read is one the running services export: after the
 * sample feed, the union of the four services' /q/metrics (scraped as Prometheus does, no credentials) holds each
 * name (MonitoringQueries). A rule or panel on a misspelt or removed metric fails here instead of staying silent.
 */
@SystemTest
@Order(4)
class MonitoringMetricsIT {

    private static final Duration METRICS_APPEAR = Duration.ofSeconds(60);
    /** What Prometheus asks for: OpenMetrics first, where a counter's samples end in _total as stored. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

    private final GeoRiskSystem system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    MonitoringMetricsIT(GeoRiskSystem system) {
        this.system = system;
    }

    @Test
    void everyMetricOfTheRulesAndTheDashboardIsExportedAfterTheSampleFeed() throws Exception {
        Set<String> used = new TreeSet<>();
        List<String> exprs = new ArrayList<>(MonitoringQueries.ruleExpressions(system.root()));
        exprs.addAll(MonitoringQueries.dashboardExpressions(MonitoringQueries.dashboard(system.root())));
        exprs.forEach(e -> used.addAll(MonitoringQueries.metricNames(e)));
        assertFalse(used.isEmpty(), "metric names in the rules and the dashboard");

        // The sample feed, so the pipeline's counters and histograms have moved (duplicates when SeedFeedIT ran).
        SeedFeed seed = new SeedFeed(system.root());
        Response posted = new Gateway(system).postNdjson(seed.text);
        assertEquals(200, posted.statusCode(), posted.asString());
        assertNotNull(new Gateway(system).awaitAssessment(SeedFeedIT.PAIR,
                a -> a.path("eventCount").asLong() >= seed.ofPair(SeedFeedIT.PAIR).size(), METRICS_APPEAR),
                SeedFeedIT.PAIR + " assessed over the sample feed");

        Map<String, Set<String>> exportedBy = new TreeMap<>();
        await().atMost(METRICS_APPEAR).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exported = new TreeSet<>();
            for (String service : GeoRiskSystem.SERVICES) {
                String scrape = scrape(service);
                // kept beside the logs: what each service exported when the check last ran
                Files.writeString(system.logsDir().resolve(service + ".metrics.txt"), scrape);
                Set<String> names = MonitoringQueries.exportedNames(scrape);
                exportedBy.put(service, names);
                exported.addAll(names);
            }
            assertEquals(Set.of(), MonitoringQueries.missing(used, exported),
                    "metrics read by " + MonitoringQueries.RULES + " or " + MonitoringQueries.DASHBOARD
                            + " that no service exports");
        });
        exportedBy.forEach((service, names) -> System.out.println("[systest] " + service + " exports "
                + names.size() + " metric names"));
    }

    private String scrape(String service) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(system.serviceUrl(service) + "/q/metrics")).timeout(Duration.ofSeconds(10))
                        .header("Accept", PROMETHEUS_ACCEPT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), service + " /q/metrics without credentials");
        return response.body();
    }
}
