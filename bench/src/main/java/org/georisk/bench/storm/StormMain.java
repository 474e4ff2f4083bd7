package org.georisk.bench.storm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./georisk storm [--requests N]} on the system of {@code ./georisk start} (gateway 8080, services 8081-8083,
 * broker 9092, development keys).
 *
 * <pre>
 * java -cp bench/target/classes:bench/target/lib/* org.georisk.bench.storm.StormMain [--requests N] [--rate R]
 *      [--gateway URL] [--bootstrap HOST:PORT]
 * </pre>
 * Exit status 0 when the storm passed, 1 when it failed, 2 on a usage error.
 */
public final class StormMain {

    private StormMain() {
    }

    public static void main(String[] args) throws Exception {
        int requests = 1000;
        double rate = 40;
        String gateway = "http://127.0.0.1:8080";
        String bootstrap = "127.0.0.1:9092";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--gateway" -> gateway = args[++i];
                case "--bootstrap" -> bootstrap = args[++i];
                default -> {
                    System.err.println("usage: ./georisk storm [--requests N] [--rate PER_SECOND] [--gateway URL] "
                            + "[--bootstrap HOST:PORT]");
                    System.exit(2);
                }
            }
        }
        Map<String, String> services = new LinkedHashMap<>();
        services.put("api-gateway", gateway);
        services.put("ingest-service", "http://127.0.0.1:8081");
        services.put("assessment-service", "http://127.0.0.1:8082");
        services.put("notification-service", "http://127.0.0.1:8083");
        StormReport report = new Storm(new Storm.Settings(gateway, services, bootstrap, "dev-feed-key",
                "dev-analyst-key", "dev-ops-key", requests, rate, 4), System.out).run();
        report.print(System.out);
        System.exit(report.passed() ? 0 : 1);
    }
}
