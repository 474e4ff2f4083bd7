package org.georisk.assessment.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.georisk.testkit.OutageBrokerProfile;
import org.georisk.testkit.ReadinessOutageContract;

/**
 * The readiness probe contract ({@link ReadinessOutageContract}) for assessment-service: the extension's Kafka Streams
 * topics check waits quarkus.kafka-streams.topics-timeout (2 s here; its default of 10 s outlasted a probe).
 */
@QuarkusTest
@TestProfile(OutageBrokerProfile.class)
class ReadinessOutageTest extends ReadinessOutageContract {

    /** A readiness check that follows the broker: the history consumer's channel. */
    @Override
    protected String kafkaCheck() {
        return "SmallRye Reactive Messaging - readiness check";
    }
}
