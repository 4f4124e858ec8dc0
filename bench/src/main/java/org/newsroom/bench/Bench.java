package org.newsroom.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
        Scenario scenario = (Scenario) Class.forName("org.newsroom.bench." + name)
                .getDeclaredConstructor()
                .newInstance();
        Figures figures = scenario.run(args);
        Path root = Path.of(System.getProperty("newsroom.root", "."))
                .toAbsolutePath()
                .normalize();
        new Report(root.resolve("docs/benchmarks.md")).record(name, args, figures);
        figures.rows().forEach(row -> System.out.println(row[0] + ": " + row[1]));
        System.exit(0);
    }
}
