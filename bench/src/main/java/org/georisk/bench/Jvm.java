package org.georisk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command (a JVM with a main class, or a script) as a child process with a time limit, output to a log file. */
final class Jvm {

    private Jvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** java -cp classpath mainClass args...; returns stdout+stderr; throws on a non-zero exit or the time limit. */
    static String runMain(String classpath, String mainClass, List<String> args, Duration limit, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", classpath, mainClass));
        command.addAll(args);
        return run(command, Map.of(), null, limit, log);
    }

    static String run(List<String> command, Map<String, String> env, Path workDir, Duration limit, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            throw new IOException(String.join(" ", command.subList(0, Math.min(5, command.size())))
                    + " did not finish in " + limit.toSeconds() + " s; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("exit " + process.exitValue() + " from " + String.join(" ",
                    command.subList(0, Math.min(5, command.size()))) + "; see " + log + ":\n" + tail(output, 15));
        }
        return output;
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
