package org.georisk.gateway.health;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.georisk.testkit.OutageBroker;
import org.georisk.testkit.ReadinessOutageContract;

import java.net.URI;
import java.util.List;

/**
 * The readiness probe contract ({@link ReadinessOutageContract}) for api-gateway: its {@code kafka-broker} check gives
 * up after georisk.gateway.health.kafka-timeout (2 s); the extension's check it replaces gave no answer for 60 s.
 */
@QuarkusTest
@TestProfile(ReadinessOutageTest.OwnBroker.class)
class ReadinessOutageTest extends ReadinessOutageContract {

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Override
    protected URI ready() {
        return ready;
    }

    /** The readiness check that follows the broker: the gateway's broker check. */
    @Override
    protected String kafkaCheck() {
        return "kafka-broker";
    }

    /** A profile of its own: the application talks to {@link OutageBroker}, not to the JVM's shared broker. */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OutageBroker.class));
        }
    }
}
