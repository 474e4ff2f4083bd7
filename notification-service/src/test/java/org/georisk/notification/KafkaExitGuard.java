package org.georisk.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.utils.Exit;

import java.util.Map;

/**
 * The in-process test broker runs inside the test JVM, where Kafka's own "halt the process" calls (e.g. when its
 * temporary log directory goes away while it shuts down at JVM exit) would end the JVM with a non-zero status after
 * every test passed, failing the build. In tests they are reported on stderr instead.
 */
public class KafkaExitGuard implements QuarkusTestResourceLifecycleManager {

    static {
        Exit.setHaltProcedure((status, message) ->
                System.err.println("[KafkaExitGuard] test broker asked to halt the JVM with " + status + ": " + message));
        Exit.setExitProcedure((status, message) ->
                System.err.println("[KafkaExitGuard] test broker asked to exit the JVM with " + status + ": " + message));
    }

    @Override
    public Map<String, String> start() {
        return Map.of();
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
