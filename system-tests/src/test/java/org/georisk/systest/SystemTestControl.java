package org.georisk.systest;

import org.georisk.bench.BenchSettings;
import org.georisk.bench.GeoriskScriptControl;
import org.georisk.bench.ServiceControl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The bench's hold on the system tests' processes. The rebuild reset is the documented script
 * (assessment-service/bin/rebuild.sh), pointed at this system: its broker, and as GEORISK_WORK_DIR the service's
 * work dir, where the script finds the pid file written here and the Kafka Streams state it deletes.
 */
final class SystemTestControl implements ServiceControl {

    private static final String ASSESSMENT = "assessment-service";

    private final GeoRiskSystem system;

    SystemTestControl(GeoRiskSystem system) {
        this.system = system;
    }

    @Override
    public void resetAssessmentStream(Path log) throws Exception {
        Path work = system.serviceWorkDir(ASSESSMENT);
        Path pidFile = work.resolve("run").resolve(ASSESSMENT + ".pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, system.servicePid(ASSESSMENT) + "\n");
        GeoriskScriptControl.runRebuildScript(system.root(), Map.of("KAFKA_BOOTSTRAP_SERVERS", system.kafkaBootstrap(),
                "GEORISK_WORK_DIR", work.toString()), log);
    }

    @Override
    public CompletableFuture<Void> startStopped(Path log) {
        BenchSettings.SERVICES.forEach(system::startService);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop(String service) {
        system.stopService(service);
    }

    @Override
    public long pid(String service) {
        return system.servicePid(service);
    }

    @Override
    public String url(String service) {
        return system.serviceUrl(service);
    }
}
