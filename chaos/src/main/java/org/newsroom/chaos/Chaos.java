package org.newsroom.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code ./newsroom chaos [scenario…] [--items N] [--readers M] …}: runs the scenarios (all of them
 * when none is named), prints the table and exits non-zero when anything was lost, duplicated or dead-lettered that
 * must not be, or a service did not recover by itself. A run of every scenario rewrites docs/reliability.md.
 */
public final class Chaos {
    private Chaos() {}

    public static void main(String[] argv) throws Exception {
        List<String> names = new ArrayList<>();
        int items = 10_000;
        int readers = 20;
        int phaseSeconds = 60;
        int deadlineSeconds = 300;
        int sendRate = 10;
        int leaseSeconds = 30;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--items" -> items = Integer.parseInt(argv[++i]);
                case "--readers" -> readers = Integer.parseInt(argv[++i]);
                case "--phase-seconds" -> phaseSeconds = Integer.parseInt(argv[++i]);
                case "--deadline-seconds" -> deadlineSeconds = Integer.parseInt(argv[++i]);
                case "--send-rate" -> sendRate = Integer.parseInt(argv[++i]);
                case "--lease-seconds" -> leaseSeconds = Integer.parseInt(argv[++i]);
                default -> names.add(argv[i]);
            }
        }
        List<Scenario> scenarios = Scenario.parse(names);
        int perPhase = Math.max(1, items / scenarios.size());
        Drill.Settings settings = new Drill.Settings(
                perPhase,
                Math.max(3, Math.min(10, perPhase / 100)),
                readers,
                Duration.ofSeconds(phaseSeconds),
                Duration.ofSeconds(deadlineSeconds),
                sendRate,
                Duration.ofSeconds(leaseSeconds));
        Path root = Path.of(System.getProperty("newsroom.root", "."))
                .toAbsolutePath()
                .normalize();
        Verdict verdict = run(root, scenarios, settings);
        System.out.println(verdict.table());
        if (scenarios.size() == Scenario.values().length) {
            verdict.write(root.resolve("docs/reliability.md"));
            System.out.println("chaos: docs/reliability.md rewritten");
        }
        System.exit(verdict.failed() ? 1 : 0);
    }

    /** Runs the scenarios on a fresh drill, and stops everything it started whatever happens. */
    static Verdict run(Path root, List<Scenario> scenarios, Drill.Settings settings) throws Exception {
        Provenance before = Provenance.now(root);
        try (Drill drill = Drill.prepare(settings, root)) {
            List<Outcome> outcomes = drill.run(scenarios);
            return new Verdict(settings, drill.readers(), outcomes, drill.parked(), before, Provenance.now(root));
        }
    }
}
