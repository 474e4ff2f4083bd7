package org.georisk.systest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the system under test (broker or service), its output in a log file. Its pid is written
 * to {@code run/<name>.pid} so that a later run can end a process this run could not (a killed test JVM).
 */
final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path log;
    private final Path pidFile;
    private Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> env, Path workDir, Path logDir, Path runDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        this.log = logDir.resolve(name + ".log");
        this.pidFile = runDir.resolve(name + ".pid");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Files.writeString(log, "---- " + java.time.Instant.now() + " " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
            Files.writeString(pidFile, process.pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Resident memory in MiB (Linux /proc), or -1. */
    synchronized long rssMib() {
        if (!alive()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** SIGTERM to the process and its descendants, then SIGKILL after the grace period. */
    synchronized void stop(long graceSeconds) {
        if (process == null) {
            return;
        }
        stopTree(process.toHandle(), graceSeconds);
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before anything is killed
        }
    }

    static void stopTree(ProcessHandle root, long graceSeconds) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(graceSeconds, TimeUnit.SECONDS);
            } catch (Exception timeoutOrInterrupt) {
                handle.destroyForcibly();
            }
        }
        tree.forEach(h -> {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        });
    }

    /** The last lines of the log, for failure messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Ends processes left by an earlier run whose JVM died before its cleanup: only pids from our own pid files
     * whose command line still names our systest directory.
     */
    static void endLeftovers(Path runDir, Path systestDir) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (var files = Files.list(runDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(file).trim());
                ProcessHandle.of(pid)
                        .filter(h -> h.info().commandLine().map(c -> c.contains(systestDir.toString())).orElse(false))
                        .ifPresent(h -> {
                            System.err.println("[systest] ending leftover process " + pid + " from an earlier run");
                            stopTree(h, 10);
                        });
                Files.deleteIfExists(file);
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("[systest] could not check for leftovers: " + e);
        }
    }
}
