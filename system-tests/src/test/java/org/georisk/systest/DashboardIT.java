package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven by playwright-core from npm
 * (src/test/ui/dashboard.mjs, installed into target/ui by the build), against this run's system with the sample feed.
 * Each check the script reports is asserted here; its screenshots land in target/dashboard-screenshots.
 */
@SystemTest
@Order(4)
class DashboardIT {

    /** A pair the sample feed does not have: a cooperative, then a hostile event are posted while the page is open. */
    static final String LIVE_PAIR = "GEO-RUS";
    static final Duration PROCESSING = Duration.ofSeconds(60);
    static final Duration BROWSER = Duration.ofSeconds(180);
    static final List<String> CHECKS = List.of(
            "a wrong key shows a clear message",
            "the matrix shows AZE-RUS at its level",
            "a posted event raises an alert in the ticker and changes the row",
            "the pair detail shows a chart with points and the drivers",
            "subscriptions can be created and deleted",
            "the ops view lists the consumer groups",
            "the matrix is usable on a tablet",
            "no request leaves 127.0.0.1 and no key is in a URL",
            "the page runs without script errors");

    private final GeoRiskSystem system;
    private final Gateway gateway;
    private final SeedFeed seed;

    DashboardIT(GeoRiskSystem system) {
        this.system = system;
        this.gateway = new Gateway(system);
        this.seed = new SeedFeed(system.root());
    }

    @Test
    void theDashboardShowsTheSampleFeedAndFollowsItLive() throws Exception {
        assertEquals(200, gateway.postNdjson(seed.text).statusCode(), "the sample feed is posted");
        int expected = seed.ofPair("AZE-RUS").size();
        assertNotNull(gateway.awaitAssessment("AZE-RUS", a -> a.path("eventCount").asLong() >= expected, PROCESSING),
                "AZE-RUS assessed over the sample");
        Instant quiet = seed.latest("AZE-RUS");
        String cooperative = SeedFeed.event("dashboard-quiet-" + UUID.randomUUID(), quiet, "GEO", "RUS", "051",
                "Georgia and Russia praise the reopened Upper Lars crossing");
        String hostile = SeedFeed.event("dashboard-hostile-" + UUID.randomUUID(), quiet.plus(Duration.ofDays(1)),
                "RUS", "GEO", "190", "Russian forces shell a Georgian border post");

        Map<String, JsonNode> results = runBrowser(Map.of("GEORISK_LIVE_PAIR", LIVE_PAIR,
                "GEORISK_LIVE_QUIET_EVENT", cooperative, "GEORISK_LIVE_EVENT", hostile));
        List<Executable> checks = new ArrayList<>();
        for (String name : CHECKS) {
            checks.add(() -> {
                JsonNode result = results.get(name);
                assertNotNull(result, "the browser run did not reach: " + name + "; it reported " + results.keySet());
                assertTrue(result.path("ok").asBoolean(), name + ": " + result.path("detail").asText());
            });
        }
        assertAll(checks);
    }

    /** Runs the Playwright script to its end and returns its reports by check name. */
    private Map<String, JsonNode> runBrowser(Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path ui = Path.of(System.getProperty("georisk.ui.dir", "target/ui"));
        Path shots = Path.of(System.getProperty("georisk.screenshot.dir", "target/dashboard-screenshots"));
        Path log = Files.createDirectories(system.logsDir()).resolve("dashboard-browser.log");
        ProcessBuilder builder = new ProcessBuilder("node", "dashboard.mjs").directory(ui.toFile())
                .redirectError(log.toFile());
        builder.environment().putAll(Map.of(
                "GEORISK_GATEWAY_URL", system.gatewayUrl(),
                "GEORISK_ANALYST_KEY", GeoRiskSystem.ANALYST_KEY,
                "GEORISK_OPS_KEY", GeoRiskSystem.OPS_KEY,
                "GEORISK_FEED_KEY", GeoRiskSystem.FEED_KEY,
                "GEORISK_SCREENSHOT_DIR", shots.toAbsolutePath().toString()));
        builder.environment().putAll(extraEnv);
        Process node = builder.start();
        Map<String, JsonNode> results = new LinkedHashMap<>();
        try (var lines = node.inputReader().lines()) {
            lines.filter(l -> l.startsWith("{")).map(Gateway::parse).forEach(r -> {
                System.out.println("[dashboard] " + r);
                results.put(r.path("check").asText(), r);
            });
        }
        if (!node.waitFor(BROWSER.toSeconds(), TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
        if (results.isEmpty()) {
            throw new AssertionError("the browser run reported nothing; its log (" + log + "):\n" + Files.readString(log));
        }
        return results;
    }
}
