package org.georisk.bench;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * How the bench stops and starts services of the system it measures: {@link GeoriskScriptControl} for the system of
 * {@code ./georisk start}, the system tests' own for theirs.
 */
public interface ServiceControl {

    /**
     * The documented reset before a rebuild (assessment-service/bin/rebuild.sh with GEORISK_NO_RESTART=1):
     * assessment-service stopped, the Streams application reset, its local state deleted. It stays stopped.
     */
    void resetAssessmentStream(Path log) throws Exception;

    /** Starts every service that is not running, the project's way; completes when that start is done. */
    CompletableFuture<Void> startStopped(Path log);

    /** Stops one service; returns once its process has exited. */
    void stop(String service) throws Exception;

    /** The pid of the service's running process, or -1. */
    long pid(String service);

    /** http://127.0.0.1:port of the service. */
    String url(String service);
}
