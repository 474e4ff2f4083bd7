package org.georisk.gateway.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.georisk.testkit.OutageBrokerProfile;
import org.georisk.testkit.ReadinessOutageContract;

/**
 * The readiness probe contract ({@link ReadinessOutageContract}) for api-gateway: its {@code kafka-broker} check gives
 * up after georisk.gateway.health.kafka-timeout (2 s); the extension's check it replaces gave no answer for 60 s.
 */
@QuarkusTest
@TestProfile(OutageBrokerProfile.class)
class ReadinessOutageTest extends ReadinessOutageContract {

    /** The readiness check that follows the broker: the gateway's broker check. */
    @Override
    protected String kafkaCheck() {
        return "kafka-broker";
    }
}
