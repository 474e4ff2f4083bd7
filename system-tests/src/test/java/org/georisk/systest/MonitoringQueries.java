package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL of the monitoring bundle (monitoring/prometheus/rules/georisk-alerts.yml and
 * monitoring/grafana/dashboards/georisk.json) and the metric names it reads, to compare with what the services
 * export.
 */
final class MonitoringQueries {

    static final String RULES = "monitoring/prometheus/rules/georisk-alerts.yml";
    static final String DASHBOARD = "monitoring/grafana/dashboards/georisk.json";

    /** Series Prometheus makes itself, not the services. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE", "scrape_duration_seconds",
            "scrape_samples_scraped");

    /** PromQL words that are not metric names when they stand without a following "(". */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MonitoringQueries() {
    }

    /**
     * The metric names an expression reads: label matchers, ranges, strings, grouping label lists, Grafana
     * variables and numbers removed; an identifier followed by "(" is a function or aggregation.
     */
    static Set<String> metricNames(String expr) {
        String rest = STRING.matcher(expr).replaceAll(" ");
        rest = GRAFANA_VARIABLE.matcher(rest).replaceAll(" ");
        rest = rest.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            boolean partOfNumber = m.start() > 0 && Character.isDigit(rest.charAt(m.start() - 1));
            boolean function = rest.substring(m.end()).stripLeading().startsWith("(");
            if (!partOfNumber && !function && !KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** Every expr of every rule in the rules file. */
    @SuppressWarnings("unchecked")
    static List<String> ruleExpressions(Path root) throws IOException {
        List<String> exprs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(root.resolve(RULES))) {
            Map<String, Object> rules = new Yaml().load(in);
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    exprs.add(String.valueOf(rule.get("expr")));
                }
            }
        }
        return exprs;
    }

    /** The parsed dashboard; a file that is not JSON fails here. */
    static JsonNode dashboard(Path root) throws IOException {
        return new ObjectMapper().readTree(root.resolve(DASHBOARD).toFile());
    }

    /** Every target's expr of every panel, rows' nested panels included. */
    static List<String> dashboardExpressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        collect(dashboard.path("panels"), exprs);
        return exprs;
    }

    private static void collect(JsonNode panels, List<String> exprs) {
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
            collect(panel.path("panels"), exprs);
        }
    }

    /** Sample names of a Prometheus text exposition (`name{labels} value` or `name value`), comments skipped. */
    static Set<String> exportedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
            Matcher m = IDENTIFIER.matcher(line);
            if (m.lookingAt()) {
                names.add(m.group());
            }
        });
        return names;
    }

    /** The names in {@code used} that neither a service exports nor Prometheus makes itself. */
    static Set<String> missing(Set<String> used, Set<String> exported) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exported);
        missing.removeAll(PROMETHEUS_OWN);
        return missing;
    }
}
