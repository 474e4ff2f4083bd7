package org.georisk.bench;

import java.nio.file.Path;

/**
 * {@code ./georisk bench [--short] [--soak MINUTES]} (through bench/run.sh) on the system of {@code ./georisk start}.
 *
 * <pre>
 * java -cp bench/target/classes:bench/target/lib/* org.georisk.bench.BenchMain --root DIR [--short] [--soak MIN]
 *      [--gateway URL] [--bootstrap HOST:PORT] [--out FILE.json] [--only STEPS]
 * </pre>
 * {@code --only} runs some of the steps (letters as in bench/README.md, d runs with e), e.g. to repeat one figure.
 * Exit status 0 when every figure was produced (met goals or not), 1 when a step failed.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        boolean quick = false;
        Integer soak = null;
        String gateway = null, bootstrap = null, outFile = null, only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--short" -> quick = true;
                case "--soak" -> soak = Integer.parseInt(args[++i]);
                case "--gateway" -> gateway = args[++i];
                case "--bootstrap" -> bootstrap = args[++i];
                case "--out" -> outFile = args[++i];
                case "--only" -> only = args[++i].replace(",", "");
                default -> {
                    System.err.println("usage: BenchMain --root DIR [--short] [--soak MINUTES] [--gateway URL] "
                            + "[--bootstrap HOST:PORT] [--out FILE.json] [--only a,b,c,e,f,g,h]");
                    System.exit(2);
                }
            }
        }
        BenchSettings s = quick ? BenchSettings.quick(root) : BenchSettings.full(root);
        if (soak != null) {
            if (quick) {
                System.err.println("--soak belongs to the full run");
                System.exit(2);
            }
            s.soakMinutes = soak;
        }
        if (only != null) {
            s.steps = only;
        }
        if (gateway != null) {
            s.gateway = gateway;
        }
        if (bootstrap != null) {
            s.bootstrap = bootstrap;
        }
        Path json = outFile != null ? Path.of(outFile) : Bench.jsonFileIn(s.outDir);
        BenchReport report = new Bench(s, new GeoriskScriptControl(s.root, s.bootstrap), System.out).run(json);
        boolean complete = report.figures().stream().allMatch(f -> f.error() == null && f.value() != null);
        System.exit(complete ? 0 : 1);
    }
}
