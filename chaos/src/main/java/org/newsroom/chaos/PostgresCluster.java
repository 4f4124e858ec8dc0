package org.newsroom.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the harness's own (Debian's postgresql-common: {@code pg_createcluster},
 * {@code pg_ctlcluster}), so that a database outage is injected into it and never into the cluster other people's
 * tests and the local stack use.
 */
final class PostgresCluster {
    static final String NAME = "chaos";

    private final String version;
    private final int port;

    private PostgresCluster(String version, int port) {
        this.version = version;
        this.port = port;
    }

    /** Whether this machine can have a dedicated cluster at all (Debian tools present). */
    static boolean available() {
        try {
            return run(List.of("pg_lsclusters", "--no-header")).exit == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The {@value #NAME} cluster, created on {@code port} (trust auth, like the main one) if missing, and online. */
    static PostgresCluster ensure(int port) throws IOException, InterruptedException {
        List<String[]> clusters = clusters();
        Optional<String[]> existing =
                clusters.stream().filter(c -> c[1].equals(NAME)).findFirst();
        PostgresCluster cluster;
        if (existing.isPresent()) {
            cluster = new PostgresCluster(existing.get()[0], Integer.parseInt(existing.get()[2]));
        } else {
            if (clusters.isEmpty()) {
                throw new IllegalStateException("no PostgreSQL cluster to take the version from (pg_lsclusters)");
            }
            String version = clusters.get(0)[0];
            check(
                    run(List.of("pg_createcluster", version, NAME, "-p", String.valueOf(port), "--", "--auth=trust")),
                    "pg_createcluster");
            cluster = new PostgresCluster(version, port);
        }
        if (!cluster.online()) {
            cluster.start();
        }
        return cluster;
    }

    int port() {
        return port;
    }

    void start() throws IOException, InterruptedException {
        check(run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, NAME, "start")), "start");
    }

    /** Fast shutdown: open sessions are cut, as when a database host goes away. */
    void stop() throws IOException, InterruptedException {
        check(run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, NAME, "stop", "-m", "fast")), "stop");
    }

    boolean online() throws IOException, InterruptedException {
        return clusters().stream().anyMatch(c -> c[1].equals(NAME) && c[3].equals("online"));
    }

    private static List<String[]> clusters() throws IOException, InterruptedException {
        Result result = run(List.of("pg_lsclusters", "--no-header"));
        check(result, "pg_lsclusters");
        List<String[]> clusters = new ArrayList<>();
        for (String line : result.output.split("\n")) {
            if (!line.isBlank()) {
                clusters.add(line.trim().split("\\s+"));
            }
        }
        return clusters;
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    private static void check(Result result, String what) {
        if (result.exit != 0) {
            throw new IllegalStateException("PostgreSQL cluster " + NAME + ": " + what + " failed: " + result.output);
        }
    }
}
