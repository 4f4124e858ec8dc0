package org.newsroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.newsroom.testing.ServiceProcess;

/**
 * CPU time of named groups of processes on this machine, from {@code /proc/<pid>/stat}: a snapshot before and after a
 * stage, and their difference per result, so that each stage says which process spent its cycles. A process counts
 * with its reaped children (cutime and cstime): PostgreSQL's postmaster reaps its backends, so the time of a backend
 * that exits between two snapshots is not lost but moves into the postmaster's count.
 */
public final class ProcessCpu {
    private static final Path PROC = Path.of("/proc");
    /** utime, stime, cutime and cstime: fields 14 to 17 of /proc/<pid>/stat, counted from the state (field 3). */
    private static final int FIRST_TIME_FIELD = 14 - 3;

    private static final int TIME_FIELDS = 4;

    private final Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
    private final double ticksPerSecond = ticksPerSecond();

    /**
     * The pipeline on this machine: each service's JVM, the broker (its pid from the launcher, which started it),
     * PostgreSQL (every postgres process, looked up at each snapshot) and this JVM, the load generator.
     */
    public static ProcessCpu of(List<ServiceProcess> services) {
        ProcessCpu cpu = new ProcessCpu();
        services.forEach(service -> cpu.process(service.name().replace("-service", ""), service.pid()));
        String broker = System.getenv("NEWSROOM_KAFKA_PID");
        if (broker != null && !broker.isBlank()) {
            cpu.process("broker", Long.parseLong(broker.strip()));
        }
        return cpu.group("PostgreSQL", () -> named("postgres"))
                .process("load generator", ProcessHandle.current().pid());
    }

    /** A group of one process, e.g. a service's JVM. */
    public ProcessCpu process(String name, long pid) {
        return group(name, () -> List.of(pid));
    }

    /** A group whose processes are looked up at each snapshot, since some come and go (PostgreSQL's backends). */
    public ProcessCpu group(String name, Supplier<List<Long>> pids) {
        groups.put(name, pids);
        return this;
    }

    /** Every process whose command name is {@code comm} (as {@code /proc/<pid>/comm} has it, e.g. postgres). */
    public static List<Long> named(String comm) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                if (comm.equals(read(process.resolve("comm")).strip())) {
                    pids.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException unreadable) {
            return List.of();
        }
        return pids;
    }

    /** The CPU seconds each group has spent so far, and when this was read. */
    public Snapshot snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach((name, pids) -> seconds.put(
                name, pids.get().stream().mapToLong(ProcessCpu::ticks).sum() / ticksPerSecond));
        return new Snapshot(System.nanoTime(), seconds);
    }

    public record Snapshot(long nanos, Map<String, Double> seconds) {}

    /**
     * E.g. "ingest 4.1 ms · broker 1.2 ms · total 12 ms of 2 cores × 3.0 s wall = 85% busy": each group's CPU between
     * the snapshots per result, and the share of the machine's cores all of them kept busy.
     */
    public static String perResult(Snapshot before, Snapshot after, long results) {
        StringBuilder out = new StringBuilder();
        long per = Math.max(results, 1);
        double total = 0;
        for (Map.Entry<String, Double> group : after.seconds().entrySet()) {
            double spent = group.getValue() - before.seconds().getOrDefault(group.getKey(), 0.0);
            total += spent;
            out.append(String.format(Locale.ROOT, "%s %.2f ms · ", group.getKey(), 1000 * spent / per));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double wall = (after.nanos() - before.nanos()) / 1e9;
        return out.append(String.format(
                        Locale.ROOT,
                        "**total %.2f ms** · %.1f CPU s of %d cores × %.1f s wall = %.0f%% busy",
                        1000 * total / per,
                        total,
                        cores,
                        wall,
                        100 * total / (cores * wall)))
                .toString();
    }

    /** Clock ticks spent by a process and its reaped children; 0 once it is gone. */
    static long ticks(long pid) {
        String stat = read(PROC.resolve(pid + "/stat"));
        return stat.isEmpty() ? 0 : ticks(stat);
    }

    /**
     * The command name (field 2) is in parentheses and may hold spaces and parentheses itself: the fields are counted
     * from the last closing parenthesis.
     */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int i = FIRST_TIME_FIELD; i < FIRST_TIME_FIELD + TIME_FIELDS; i++) {
            ticks += Long.parseLong(fields[i]);
        }
        return ticks;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException gone) {
            return "";
        }
    }

    /** The kernel's USER_HZ; 100 on every common Linux, which is also the answer if getconf cannot be run. */
    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return getconf.waitFor() == 0 ? Double.parseDouble(answer) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
