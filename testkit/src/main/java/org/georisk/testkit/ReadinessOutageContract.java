package org.georisk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The readiness probe contract (docs/operations.md, "Endpoints"), the same for every service: with the broker gone,
 * /q/health/ready answers DOWN within a probe's timeout ({@link ReadinessProbe#PROBE_TIMEOUT}) instead of waiting
 * out a Kafka client timeout, names the Kafka check that failed, and answers UP again by itself once the broker is
 * back. A service's test extends this with {@code @QuarkusTest} and a test profile that points the application at
 * {@link OutageBroker} ({@link OutageBrokerProfile}).
 */
public abstract class ReadinessOutageContract {

    private static final Duration TURNS_DOWN = Duration.ofSeconds(15);
    private static final Duration TURNS_UP = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The service's /q/health/ready (Quarkus injects test-resource fields of superclasses too). */
    @TestHTTPResource("/q/health/ready")
    protected URI ready;

    /** The name of the readiness check that follows the broker. */
    protected abstract String kafkaCheck();

    @Test
    void withTheBrokerDownReadinessAnswersDownWithinTheProbeTimeoutAndUpOnceItIsBack() throws Exception {
        ReadinessProbe probe = new ReadinessProbe(ready);
        probe.await(200, TURNS_UP, "before the outage");
        OutageBroker.stopBroker();
        try {
            String down = probe.await(503, TURNS_DOWN, "with the broker stopped");
            assertEquals("DOWN", statusOf(kafkaCheck(), down), "the body names the Kafka check as failing: " + down);
        } finally {
            OutageBroker.startBroker();
        }
        probe.await(200, TURNS_UP, "after the broker's return");
    }

    private static String statusOf(String check, String body) throws Exception {
        for (JsonNode c : JSON.readTree(body).path("checks")) {
            if (check.equals(c.path("name").asText())) {
                return c.path("status").asText();
            }
        }
        return "absent";
    }
}
