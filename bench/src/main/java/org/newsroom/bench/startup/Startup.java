package org.newsroom.bench.startup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.newsroom.bench.Figures;
import org.newsroom.bench.Scenario;
import org.newsroom.testing.Pipeline;

/**
 * What starting a service costs, as the images run it: each of the four packaged services alone, {@code runs} times,
 * from the process started to {@code /q/health/ready} answering UP; its resident memory at rest once ready, and after
 * a warm-up of requests typical of it; then the four started together, until the last one is ready. A first start of
 * each service migrates its empty database and is reported apart: the measured runs restart on a migrated one, as a
 * pod does.
 *
 * <p>Arguments: {@code [runs] [jvm flag…]} (default 5, and the images' flags: {@link #IMAGE_FLAGS}).
 */
public class Startup implements Scenario {
    static final String PIPELINE = "bench_startup";

    /**
     * The JVM flags of the images: those the image's launcher (run-java.sh) makes of k8s/base's JAVA_MAX_MEM_RATIO,
     * GC_CONTAINER_OPTIONS and JAVA_TOOL_OPTIONS (not its heap-free and GC-time ratios), Jib's JVM argument, and the pod's default limits
     * (1 CPU, 768 MiB) as the JVM would see them in its container. Here no cgroup limits it, so MaxRAM and
     * ActiveProcessorCount stand in for them (they set the heap as in the pod); the CPU is not capped. StartupTest
     * holds the list to the manifests.
     */
    static final List<String> IMAGE_FLAGS = List.of(
            "-XX:MaxRAMPercentage=75",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-XX:MaxRAM=768m",
            "-XX:ActiveProcessorCount=1");

    private static final List<String> SERVICES =
            List.of(Pipeline.INGEST, Pipeline.EDITORIAL, Pipeline.PUBLISH, Pipeline.NOTIFY);
    private static final int WARM_UP_REQUESTS = 200;
    /** Sign-ups are limited per client address; the warm-up signs many readers up from one. */
    private static final Map<String, String> ENV = Map.of("NEWSROOM_NOTIFY_SIGNUP_LIMIT", "1000000");

    private final Starts starts = new Starts();

    @Override
    public Figures run(List<String> args) throws Exception {
        int runs = args.isEmpty() ? 5 : Integer.parseInt(args.get(0));
        List<String> flags = args.size() > 1 ? args.subList(1, args.size()) : IMAGE_FLAGS;
        Figures figures = new Figures("Start-up: each service alone, then the four together", setup(runs, flags));
        try (Pipeline pipeline = Pipeline.create(PIPELINE)) {
            for (String service : SERVICES) {
                alone(pipeline, service, runs, flags, figures);
            }
            together(pipeline, runs, flags, figures);
        }
        return figures;
    }

    private void alone(Pipeline pipeline, String service, int runs, List<String> flags, Figures figures)
            throws Exception {
        String name = service.replace("-service", "");
        WarmUp warmUp = WarmUp.of(service, WARM_UP_REQUESTS);
        Starts.Start first = starts.once(pipeline, service, flags, ENV, null);
        List<Starts.Start> measured = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            measured.add(starts.once(pipeline, service, flags, ENV, warmUp));
        }
        figures.add(name + ": first start, empty database (Flyway migrates it)", seconds(first.readySeconds()));
        figures.add(name + ": start → ready (target ≤ 2.5 s)", minMedian(measured, Starts.Start::readySeconds, "s"));
        figures.add(name + ": CPU time used by ready", minMedian(measured, Starts.Start::cpuSeconds, "s"));
        figures.add(
                name + ": RSS at rest, 2 s after ready (target ≤ 200 MB = 191 MiB)",
                memory(measured, Starts.Start::atRest));
        figures.add(name + ": RSS after the warm-up: " + warmUp.what(), memory(measured, Starts.Start::warm));
    }

    private void together(Pipeline pipeline, int runs, List<String> flags, Figures figures) throws Exception {
        List<Starts.Stack> stacks = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            stacks.add(starts.stack(pipeline, SERVICES, flags, ENV));
        }
        List<Double> each =
                stacks.stream().flatMap(stack -> stack.readySeconds().stream()).toList();
        figures.add(
                "the four started together: the last one ready (target ≤ 60 s)",
                minMedian(stacks, Starts.Stack::lastReadySeconds, "s"));
        figures.add("the four started together: each one ready", minMedian(each, Double::doubleValue, "s"));
        figures.add(
                "the four started together: CPU time used by all ready, the four summed",
                minMedian(stacks, Starts.Stack::cpuSeconds, "s"));
        figures.add(
                "the four started together: RSS at rest, the four summed",
                minMedian(stacks, stack -> stack.rssKib() / 1024.0, "%.0f", "MiB"));
    }

    private static String setup(int runs, List<String> flags) {
        return String.format(
                Locale.ROOT,
                "The packaged services (fast-jar, prod profile) as ServiceProcess starts them, with the images' JVM "
                        + "flags: `java %s -jar quarkus-run.jar` (what the image's run-java.sh makes of k8s/base's settings, and Jib's JVM argument; "
                        + "MaxRAM and ActiveProcessorCount stand in for the pod's default limits of 1 CPU and 768 MiB, "
                        + "which set the heap and the collector there; the CPU is not capped here), on the real "
                        + "PostgreSQL and the bench's Kafka broker. %d runs per service after a first start that "
                        + "migrates its empty database; ready = first 200 from /q/health/ready, polled every 20 ms "
                        + "from the moment the process is started; CPU time = the process's user + system time when it was ready (less moved than the wall time by other load on the machine); RSS = VmRSS (VmHWM: its peak so far) from "
                        + "/proc/<pid>/status, 2 s after ready and after a warm-up of requests typical of the "
                        + "service, sent one at a time. Then %d starts of the four together (no warm-up). Figures: "
                        + "min and median over the runs.",
                String.join(" ", flags),
                runs,
                runs);
    }

    private static <T> String minMedian(List<T> runs, ToDoubleFunction<T> value, String unit) {
        return minMedian(runs, value, "%.2f", unit);
    }

    private static <T> String minMedian(List<T> runs, ToDoubleFunction<T> value, String format, String unit) {
        List<Double> sorted = runs.stream()
                .map(value::applyAsDouble)
                .sorted(Comparator.naturalOrder())
                .toList();
        return String.format(
                Locale.ROOT,
                "min " + format + " · median " + format + " %s (n=%d)",
                sorted.get(0),
                median(sorted),
                unit,
                sorted.size());
    }

    private static String memory(List<Starts.Start> runs, Function<Starts.Start, Memory> at) {
        return "VmRSS " + minMedian(runs, run -> at.apply(run).rssKib() / 1024.0, "%.0f", "MiB") + " · VmHWM "
                + minMedian(runs, run -> at.apply(run).peakKib() / 1024.0, "%.0f", "MiB");
    }

    private static double median(List<Double> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
