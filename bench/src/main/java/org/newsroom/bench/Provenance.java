package org.newsroom.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What a figure was measured on, for a reader to judge it and to compare it with another run's: the code (commit,
 * and whether the tree had changes of its own), how busy the machine was (load average before and after: on a shared
 * 2-core machine, a figure taken at load 15 says less than one taken at load 0.3), and the bench JVM.
 */
final class Provenance {
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private Provenance() {}

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg has them now. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(LOAD_AVERAGE, StandardCharsets.US_ASCII)
                    .trim()
                    .split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown (no /proc/loadavg)";
        }
    }

    /** One line: commit, tree, cores, load before and after the scenario, the bench JVM and its flags. */
    static String line(Path root, String loadBefore) {
        return String.format(
                Locale.ROOT,
                "Provenance: commit `%s` (%s) · %d cores · load average (1 / 5 / 15 min) %s before, %s after · "
                        + "bench JVM: Java %s (%s), %s",
                git(root, "rev-parse", "--short", "HEAD").orElse("unknown"),
                git(root, "status", "--porcelain")
                        .map(changes -> changes.isEmpty() ? "clean tree" : "tree with uncommitted changes")
                        .orElse("tree state unknown"),
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAverage(),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"),
                jvm());
    }

    /**
     * The flags that shape performance ({@code -X…}, agents); system properties ({@code -D…}) are left out, as they
     * name paths of the build tool that runs the bench. The collector and heap ceiling are said as well, since
     * without flags they are the JVM's own choices for this machine.
     */
    private static String jvm() {
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> !flag.startsWith("-D"))
                .toList();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
        return String.format(
                Locale.ROOT,
                "flags %s; %s, max heap %,d MiB",
                flags.isEmpty() ? "none" : "`" + String.join(" ", flags) + "`",
                collectors,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** The output of a git command in the repository; empty where git or the repository is missing. */
    private static Optional<String> git(Path root, String... command) {
        List<String> line = new ArrayList<>(List.of("git", "-C", root.toString()));
        line.addAll(List.of(command));
        try {
            Process git = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean done = git.waitFor(30, TimeUnit.SECONDS);
            return done && git.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
