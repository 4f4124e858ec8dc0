package org.newsroom.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Entry point: {@code Bench <scenario> [args…]} runs one scenario and records its figures in docs/benchmarks.md. */
public final class Bench {
    private Bench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: ./newsroom bench <scenario> [args…]   (scenarios: see docs/benchmarks.md)");
            System.exit(2);
        }
        String name = argv[0];
        List<String> args = Arrays.asList(argv).subList(1, argv.length);
        Scenario scenario = (Scenario)
                Class.forName(className(name)).getDeclaredConstructor().newInstance();
        String loadBefore = Provenance.loadAverage();
        Figures figures = scenario.run(args);
        Path root = Path.of(System.getProperty("newsroom.root", "."))
                .toAbsolutePath()
                .normalize();
        new Report(root).record(name, args, figures, loadBefore);
        figures.rows().forEach(row -> System.out.println(row[0] + ": " + row[1]));
        System.exit(0);
    }

    /**
     * {@code ingest.FeedThroughput} is {@code org.newsroom.bench.ingest.FeedThroughput}; a name without a dot is a
     * scenario alone in a package of its name, {@code startup} being {@code org.newsroom.bench.startup.Startup}.
     */
    static String className(String scenario) {
        if (scenario.contains(".")) {
            return "org.newsroom.bench." + scenario;
        }
        return "org.newsroom.bench." + scenario + "." + scenario.substring(0, 1).toUpperCase(Locale.ROOT)
                + scenario.substring(1);
    }
}
