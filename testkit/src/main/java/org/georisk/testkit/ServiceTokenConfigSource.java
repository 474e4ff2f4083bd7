package org.georisk.testkit;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.georisk.infra.ServiceKeys;

import java.util.Map;
import java.util.Set;

/**
 * Test profile only: the service under test verifies tokens with, and the gateway signs them with, the key pair of
 * {@link ServiceTokens} (generated under target/ at the first test). Found through META-INF/services by every module
 * that has testkit on its test class path, so no test class has to declare it.
 */
public class ServiceTokenConfigSource implements ConfigSource {

    private Map<String, String> properties;

    private Map<String, String> properties() {
        if (properties == null) {
            String dir = ServiceTokens.keyDir().toString();
            properties = Map.of(
                    "%test.mp.jwt.verify.publickey.location", "file:" + dir + "/" + ServiceKeys.PUBLIC_KEY,
                    "%test.smallrye.jwt.sign.key.location", "file:" + dir + "/" + ServiceKeys.PRIVATE_KEY);
        }
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return propertyName.startsWith("%test.") ? properties().get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "georisk-test-service-tokens";
    }

    @Override
    public int getOrdinal() {
        // above application.properties (250), below system properties and the environment
        return 260;
    }
}
