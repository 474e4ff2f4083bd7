package org.georisk.assessment.health;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.georisk.testkit.OutageBroker;
import org.georisk.testkit.ReadinessOutageContract;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The readiness probe contract ({@link ReadinessOutageContract}) for assessment-service: the extension's Kafka Streams
 * topics check waits quarkus.kafka-streams.topics-timeout (2 s here; its default of 10 s outlasted a probe).
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

    /** A readiness check that follows the broker: the history consumer's channel. */
    @Override
    protected String kafkaCheck() {
        return "SmallRye Reactive Messaging - readiness check";
    }

    /**
     * A profile of its own: the application (its consumer and its Kafka Streams application) talks to
     * {@link OutageBroker}, not to the JVM's shared broker.
     */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            // the Kafka Streams application has its own bootstrap property
            return List.of(new TestResourceEntry(OutageBroker.class, Map.of(OutageBroker.PROPERTIES,
                    "kafka.bootstrap.servers,quarkus.kafka-streams.bootstrap-servers")));
        }
    }
}
