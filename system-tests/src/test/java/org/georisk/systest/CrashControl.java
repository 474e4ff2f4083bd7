package org.georisk.systest;

import org.georisk.bench.ServiceControl;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The crash test's hold on the system tests' processes: {@link SystemTestControl}, and a start that brings the
 * broker back too when it was killed, as {@code ./georisk start} does.
 */
final class CrashControl implements ServiceControl {

    private final GeoRiskSystem system;
    private final SystemTestControl services;

    CrashControl(GeoRiskSystem system) {
        this.system = system;
        this.services = new SystemTestControl(system);
    }

    @Override
    public void resetAssessmentStream(Path log) throws Exception {
        services.resetAssessmentStream(log);
    }

    @Override
    public CompletableFuture<Void> startStopped(Path log) {
        system.startBrokerIfStopped();
        return services.startStopped(log);
    }

    @Override
    public void stop(String service) throws Exception {
        services.stop(service);
    }

    @Override
    public long pid(String service) {
        return services.pid(service);
    }

    @Override
    public String url(String service) {
        return services.url(service);
    }
}
