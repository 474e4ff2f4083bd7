package org.georisk.ingest.health;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.georisk.testkit.OutageBroker;
import org.georisk.testkit.ReadinessProbe;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The readiness probe contract (docs/operations.md, "Endpoints"): with the broker gone, /q/health/ready answers DOWN
 * within a probe's timeout instead of waiting out a Kafka client timeout, and answers UP again by itself once the
 * broker is back. {@link ReadinessProbe#PROBE_TIMEOUT} is the
 * contract.
 */
@QuarkusTest
@TestProfile(ReadinessOutageTest.OwnBroker.class)
class ReadinessOutageTest {

    /** The readiness check that follows the broker: the events-archive consumer. */
    private static final String KAFKA_CHECK = "SmallRye Reactive Messaging - readiness check";
    private static final Duration TURNS_DOWN = Duration.ofSeconds(15);
    private static final Duration TURNS_UP = Duration.ofSeconds(60);

    @TestHTTPResource("/q/health/ready")
    URI ready;

    private ReadinessProbe probe() {
        return new ReadinessProbe(ready);
    }

    @Test
    void withTheBrokerDownReadinessAnswersDownWithinTheProbeTimeoutAndUpOnceItIsBack() throws Exception {
        probe().await(200, TURNS_UP, "before the outage");
        OutageBroker.stopBroker();
        try {
            String down = probe().await(503, TURNS_DOWN, "with the broker stopped");
            assertEquals("DOWN", statusOf(KAFKA_CHECK, down), "the body names the Kafka check as failing: " + down);
        } finally {
            OutageBroker.startBroker();
        }
        probe().await(200, TURNS_UP, "after the broker's return");
    }

    private static String statusOf(String check, String body) {
        return JsonPath.from(body).getString("checks.find { it.name == '" + check + "' }.status");
    }

    /** A profile of its own: the application talks to {@link OutageBroker}, not to the JVM's shared broker. */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OutageBroker.class));
        }
    }
}
