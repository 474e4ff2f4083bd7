package org.georisk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, as the printed table and as the JSON file. */
public final class BenchReport {

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();

    public BenchReport(String mode, Map<String, Object> settings) {
        run.put("mode", mode);
        run.put("started", Instant.now().toString());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("loadAverageAtStart", loadAverage());
        run.put("settings", settings);
    }

    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized void finish() {
        run.put("finished", Instant.now().toString());
        run.put("loadAverageAtEnd", loadAverage());
    }

    public synchronized String table() {
        StringBuilder t = new StringBuilder();
        String format = "%-34s %18s %18s %7s  %-22s %s%n";
        t.append(String.format(Locale.ROOT, format, "figure", "GeoRisk", "raw Kafka", "ratio", "goal", "met?"));
        for (Figure f : figures) {
            t.append(String.format(Locale.ROOT, format, f.id(), number(f.value(), f.unit()),
                    number(f.raw(), f.unit()), f.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f", f.ratio()),
                    f.goal() == null ? "" : f.goal(), f.met() == null ? "" : f.met() ? "yes" : "NO"));
            if (f.error() != null) {
                t.append("    error: ").append(f.error().lines().findFirst().orElse("")).append('\n');
            }
        }
        return t.toString();
    }

    public synchronized void writeJson(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Object> doc = new LinkedHashMap<>(run);
        doc.put("figures", figures);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    }

    private static String number(Double v, String unit) {
        if (v == null) {
            return "-";
        }
        String n = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
        return n + " " + unit;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
