package org.newsroom.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where and on what a run happened: the commit (and whether the tree had changes), the machine's load, when. */
record Provenance(String commit, boolean dirty, String loadAverage, int cores, Instant at) {

    static Provenance now(Path root) {
        String commit = git(root, "rev-parse", "--short", "HEAD").strip();
        boolean dirty = !git(root, "status", "--porcelain").isBlank();
        String load;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8)
                    .split(" ");
            load = fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            load = "unknown";
        }
        return new Provenance(
                commit.isEmpty() ? "unknown" : commit,
                dirty,
                load,
                Runtime.getRuntime().availableProcessors(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String git(Path root, String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = "git";
            command[1] = "-C";
            command[2] = root.toString();
            System.arraycopy(args, 0, command, 3, args.length);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
