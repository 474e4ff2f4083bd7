package org.georisk.testkit;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * A test profile whose application talks to an {@link OutageBroker} of its own, not to the JVM's shared broker, so
 * a test may stop it.
 */
public class OutageBrokerProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OutageBroker.class));
    }
}
