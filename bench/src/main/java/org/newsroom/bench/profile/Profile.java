package org.newsroom.bench.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsroom.bench.Figures;

/**
 * An optional JFR profile of the services a scenario starts ({@code NEWSROOM_BENCH_PROFILE=1}): each JVM records with
 * the JDK's {@code profile} settings and dumps its recording when it stops; afterwards the recordings are summarized
 * ({@link HotMethods}) into {@code .newsroom/bench/profile/<scenario>-profile.md}, raw material rather than figures.
 */
public final class Profile {
    private final boolean enabled;
    private final String scenario;
    private final Path directory;
    private final List<String> extraFlags;
    private final Map<String, Path> recordings = new LinkedHashMap<>();
    private Instant from = Instant.MIN;

    private Profile(boolean enabled, String scenario, Path directory, List<String> extraFlags) {
        this.enabled = enabled;
        this.scenario = scenario;
        this.directory = directory;
        this.extraFlags = extraFlags;
    }

    /** @param scenario as {@code ./newsroom bench} names it, e.g. pipeline.Throughput */
    public static Profile fromEnvironment(String scenario) {
        Path directory = Path.of(System.getProperty("newsroom.root", "."), ".newsroom", "bench", "profile")
                .toAbsolutePath()
                .normalize();
        String extra =
                System.getenv().getOrDefault("NEWSROOM_BENCH_JVM_FLAGS", "").strip();
        return new Profile(
                "1".equals(System.getenv("NEWSROOM_BENCH_PROFILE")),
                scenario,
                directory,
                extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")));
    }

    /**
     * Flags every service gets on top of its heap ({@code NEWSROOM_BENCH_JVM_FLAGS}), e.g. the images' collector and
     * compiler flags, so that their cost to throughput is measured rather than guessed.
     */
    public List<String> extraFlags() {
        return extraFlags;
    }

    public boolean enabled() {
        return enabled;
    }

    /** A service's JVM flags: its heap, the extra flags, and the flight recorder when profiling. */
    public List<String> jvmFlags(String service, String heap) throws IOException {
        List<String> flags = new ArrayList<>(List.of("-Xmx" + heap));
        flags.addAll(extraFlags);
        if (enabled) {
            Path recording = directory.resolve(scenario + "-" + service + ".jfr");
            Files.createDirectories(directory);
            Files.deleteIfExists(recording);
            recordings.put(service, recording);
            flags.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        }
        return flags;
    }

    /** From now on samples count: the services' start-up and warm-up are not what is measured. */
    public void measureFromNow() {
        from = Instant.now();
    }

    /**
     * Names the extra flags in the run's figures, and once the services have stopped (each dumped its recording),
     * summarizes the recordings and says so.
     */
    public void report(Figures figures) throws IOException {
        if (!extraFlags.isEmpty()) {
            figures.add("services' JVM flags besides the heap", "`" + String.join(" ", extraFlags) + "`");
        }
        Optional<Path> summary = summarize();
        if (summary.isPresent()) {
            figures.add("profiled", "with JFR (`settings=profile`) on every service: its overhead is in these figures");
            System.out.println("JFR profile summary: " + summary.get());
        }
    }

    /** Summarizes every recording once its service has stopped (and dumped it); @return the summary's path. */
    public Optional<Path> summarize() throws IOException {
        if (!enabled) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("# Where " + scenario + "'s services spent their time (JFR)\n\n"
                + "Shares of each service's stack samples (JFR `profile` settings) from " + from
                + " (the first measured stage) until the service stopped; raw material for docs/benchmarks.md.\n\n");
        for (Map.Entry<String, Path> recording : recordings.entrySet()) {
            out.append(
                    Files.exists(recording.getValue())
                            ? HotMethods.of(recording.getValue(), from).markdown(recording.getKey())
                            : "## " + recording.getKey() + "\n\nno recording at " + recording.getValue() + "\n\n");
        }
        Path summary = directory.resolve(scenario + "-profile.md");
        Files.writeString(summary, out, StandardCharsets.UTF_8);
        return Optional.of(summary);
    }
}
