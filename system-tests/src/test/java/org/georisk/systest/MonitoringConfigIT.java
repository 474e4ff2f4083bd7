package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The monitoring bundle without a running system: promtool accepts the Prometheus configs and rules and the rules
 * pass their unit tests, the dashboard is JSON on the provisioned datasource, and the name check of
 * {@link MonitoringMetricsIT} finds what it must. promtool is Debian's `prometheus` package: required in CI (.ci/run
 * installs it, CI=true), skipped with a message where a developer has none.
 */
class MonitoringConfigIT {

    private static final Path ROOT = Path.of(System.getProperty("georisk.root", "..")).toAbsolutePath().normalize();

    @Test
    void promtoolAcceptsTheConfigsAndTheRulesPassTheirUnitTests() throws Exception {
        String promtool = promtool();
        promtool(promtool, "check", "rules", MonitoringQueries.RULES);
        promtool(promtool, "check", "config", "monitoring/prometheus/prometheus.yml");
        promtool(promtool, "check", "config", "monitoring/prometheus/prometheus-local.yml");
        promtool(promtool, "test", "rules", "monitoring/prometheus/tests/georisk-alerts.test.yml");
    }

    @Test
    void theDashboardIsJsonOnTheProvisionedDatasource() throws IOException {
        JsonNode dashboard = MonitoringQueries.dashboard(ROOT);
        String uid = provisionedDatasourceUid();
        List<String> exprs = MonitoringQueries.dashboardExpressions(dashboard);
        assertFalse(exprs.isEmpty(), "the dashboard has queries");
        for (JsonNode panel : dashboard.path("panels")) {
            assertEquals(uid, panel.path("datasource").path("uid").asText(), panel.path("title") + "'s datasource");
            assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has a query");
            panel.path("targets").forEach(t -> assertFalse(t.path("expr").asText().isBlank(), panel.path("title")
                    + " has an empty query"));
        }
        for (String title : List.of("Ingest rate by outcome", "Pipeline delay: event received → assessment computed",
                "Consumer lag per group", "Alerts raised", "Alerts delivered", "JVM heap used")) {
            assertTrue(dashboard.path("panels").findValuesAsText("title").contains(title), "a panel " + title);
        }
    }

    @Test
    void theNameCheckReadsMetricNamesOnlyAndCatchesAMisspeltOne() {
        assertEquals(Set.of("http_server_requests_seconds_count"), MonitoringQueries.metricNames(
                "sum by (job) (rate(http_server_requests_seconds_count{job=\"ingest-service\", status=~\"5..\"}[5m]))"
                        + " / sum by (job) (rate(http_server_requests_seconds_count[$__rate_interval])) > 0.05"));
        assertEquals(Set.of("georisk_assessment_delay_seconds_bucket"), MonitoringQueries.metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(georisk_assessment_delay_seconds_bucket[5m]))) > 30"));
        assertEquals(Set.of("a_total", "b_lag", "up"), MonitoringQueries.metricNames(
                "increase(a_total[10m]) > 0 or deriv(sum without (partition) (b_lag)[10m:1m]) > 1e3 and on (job) up"));

        Set<String> exported = MonitoringQueries.exportedNames("""
                # HELP georisk_ingest_events_total events
                # TYPE georisk_ingest_events_total counter
                georisk_ingest_events_total{feed="f",outcome="accepted"} 3.0
                georisk_assessment_delay_seconds_bucket{le="0.005"} 0.0
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
                """);
        assertEquals(Set.of(), MonitoringQueries.missing(
                Set.of("georisk_ingest_events_total", "georisk_assessment_delay_seconds_bucket", "up"), exported));
        assertEquals(Set.of("georisk_ingest_event_total"),
                MonitoringQueries.missing(Set.of("georisk_ingest_event_total", "jvm_memory_used_bytes"), exported),
                "a misspelt name is reported");
    }

    @SuppressWarnings("unchecked")
    private static String provisionedDatasourceUid() throws IOException {
        Path file = ROOT.resolve("monitoring/grafana/provisioning/datasources/prometheus.yml");
        try (Reader in = Files.newBufferedReader(file)) {
            Map<String, Object> provisioning = new Yaml().load(in);
            List<Map<String, Object>> sources = (List<Map<String, Object>>) provisioning.get("datasources");
            return String.valueOf(sources.get(0).get("uid"));
        }
    }

    /** The promtool on PATH; in CI its absence fails, elsewhere the test is skipped, saying so. */
    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String why = "promtool is not installed (Debian: apt-get install prometheus)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; CI must check the rules (.ci/run installs it)");
        }
        System.out.println("[systest] SKIPPED the promtool checks of the monitoring rules: " + why);
        Assumptions.abort(why + ": the rules are not checked on this machine");
        return null;
    }

    private static void promtool(String promtool, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        // promtool writes a few lines and ends; read them all, then collect its exit
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertTrue(ended && process.exitValue() == 0, String.join(" ", command) + " failed:\n" + output);
    }
}
