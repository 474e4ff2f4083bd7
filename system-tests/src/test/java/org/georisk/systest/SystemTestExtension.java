package org.georisk.systest;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link GeoRiskSystem} once for the whole test run (the root context's store) and hands it to test
 * classes as a constructor or method parameter. The store closes it after the last test; a shutdown hook covers
 * a JVM that ends early. A failed start is remembered, so every later class fails fast with the same cause.
 */
public class SystemTestExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GeoRiskSystem.class);

    /** What the store holds: closed by JUnit at the end of the run. */
    static final class Running implements AutoCloseable {
        private final GeoRiskSystem system = GeoRiskSystem.fromSystemProperties();
        private final Thread hook = new Thread(system::close, "georisk-systest-stop");
        private RuntimeException failure;

        Running() {
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                system.start();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        @Override
        public void close() {
            system.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway; close() twice is harmless
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    private static GeoRiskSystem running(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> new Running(), Running.class);
        if (running.failure != null) {
            throw new IllegalStateException("GeoRisk did not start: " + running.failure.getMessage(), running.failure);
        }
        return running.system;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == GeoRiskSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return running(extensionContext);
    }
}
