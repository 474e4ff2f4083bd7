package org.georisk.ingest.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.georisk.testkit.OutageBrokerProfile;
import org.georisk.testkit.ReadinessOutageContract;

/**
 * The readiness probe contract ({@link ReadinessOutageContract}) for ingest-service.
 */
@QuarkusTest
@TestProfile(OutageBrokerProfile.class)
class ReadinessOutageTest extends ReadinessOutageContract {

    /** The readiness check that follows the broker: the events-archive consumer. */
    @Override
    protected String kafkaCheck() {
        return "SmallRye Reactive Messaging - readiness check";
    }
}
