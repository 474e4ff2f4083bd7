package org.georisk.testkit;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * A test profile whose application talks to an {@link OutageBroker} of its own, not to the JVM's shared broker, so
 * a test may stop it. Subclass and override {@link #brokerArgs()} to name more bootstrap properties.
 */
public class OutageBrokerProfile implements QuarkusTestProfile {

    /** Init arguments of the {@link OutageBroker} (e.g. {@link OutageBroker#PROPERTIES}); none by default. */
    protected Map<String, String> brokerArgs() {
        return Map.of();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OutageBroker.class, brokerArgs()));
    }
}
