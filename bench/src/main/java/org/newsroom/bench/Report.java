package org.newsroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * docs/benchmarks.md, where each scenario owns one section between markers; a run replaces its own section and
 * leaves the others alone, so the document always shows the latest run of every scenario, how to repeat it and what
 * it ran on ({@link Provenance}).
 */
final class Report {
    private final Path root;
    private final Path file;

    /** @param root the repository: its docs/benchmarks.md is written, its git state recorded */
    Report(Path root) {
        this.root = root;
        this.file = root.resolve("docs/benchmarks.md");
    }

    /** @param loadBefore the load average sampled before the scenario ran ({@link Provenance#loadAverage()}) */
    void record(String scenario, List<String> args, Figures figures, String loadBefore) throws IOException {
        String begin = "<!-- bench:" + scenario + " -->";
        String end = "<!-- /bench:" + scenario + " -->";
        String section = begin + "\n" + render(scenario, args, figures, Provenance.line(root, loadBefore)) + end;
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : header();
        int from = document.indexOf(begin);
        int to = document.indexOf(end);
        document = from >= 0 && to > from
                ? document.substring(0, from) + section + document.substring(to + end.length())
                : document.stripTrailing() + "\n\n" + section + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, document, StandardCharsets.UTF_8);
    }

    private static String render(String scenario, List<String> args, Figures figures, String provenance) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(figures.title()).append("\n\n");
        out.append("Re-run: `./newsroom bench ").append(scenario);
        args.forEach(arg -> out.append(' ').append(arg));
        out.append("` · last run ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        out.append(provenance).append("\n\n");
        out.append(figures.setup()).append("\n\n");
        out.append("| Figure | Value |\n|---|---|\n");
        for (String[] row : figures.rows()) {
            out.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
        }
        return out.toString();
    }

    private static String header() {
        return """
                # Benchmarks

                Every figure here comes from a scenario in the `bench/` module, run against the packaged services, the
                real Kafka broker and PostgreSQL on one machine. Each section says how to re-run it; a run rewrites only
                its own section. Figures from a laptop-class machine (2 cores) are indicative, not capacity promises.
                """;
    }
}
