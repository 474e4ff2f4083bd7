package org.georisk.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.utils.Exit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/**
 * The in-process test broker runs inside the test JVM, where Kafka's own "halt the process" calls (e.g. when its
 * temporary log directory goes away while it shuts down at JVM exit) would end the JVM with a non-zero status after
 * every test passed, failing the build. In tests they are reported on stderr instead.
 */
public class KafkaExitGuard implements QuarkusTestResourceLifecycleManager {

    static {
        Exit.setHaltProcedure((status, message) -> report("halt", status, message));
        Exit.setExitProcedure((status, message) -> report("exit", status, message));
    }

    /** On stderr and in target/kafka-exit-guard.log, since stderr may no longer be read while the JVM exits. */
    private static void report(String what, int status, String message) {
        String line = Instant.now() + " test broker asked to " + what + " the JVM with " + status + ": " + message;
        System.err.println("[KafkaExitGuard] " + line);
        try {
            Files.writeString(Path.of("target", "kafka-exit-guard.log"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // reporting is best effort
        }
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
