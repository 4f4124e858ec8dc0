package org.newsroom.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one JVM spent its time, from a JFR recording's stack samples: by the method on top of the stack (self time),
 * by the first method of ours from the top (where our code spends, callees included), by the library the sample is in
 * (the first frame from the top that is not the JDK's), and, for threads sampled waiting in native code (socket reads
 * of JDBC and Kafka clients, but also idle pollers), by the first method of ours that waits. Stack samples see only
 * threads running Java code; the JVM's own threads (the JIT compilers above all) show in the CPU each thread spent
 * ({@code jdk.ThreadCPULoad}), by thread name with its numbers folded (executor-thread-#).
 */
public final class HotMethods {
    private static final String OURS = "org.newsroom.";
    private static final String NONE_OF_OURS = "(no org.newsroom frame on the stack)";
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    /** Enough of a package to tell libraries apart: org.apache.kafka, org.hibernate.sql, io.vertx.core. */
    private static final int LIBRARY_SEGMENTS = 3;

    private final Tally self = new Tally();
    private final Tally ours = new Tally();
    private final Tally libraries = new Tally();
    private final Tally waiting = new Tally();
    private final Tally threads = new Tally();

    private HotMethods() {}

    /** @param from samples taken before it (start-up, warm-up) are left out */
    public static HotMethods of(Path recording, Instant from) throws IOException {
        HotMethods methods = new HotMethods();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getStartTime().isBefore(from)) {
                    methods.add(event);
                }
            }
        }
        return methods;
    }

    private void add(RecordedEvent event) {
        if (event.getEventType().getName().equals("jdk.ThreadCPULoad")) {
            threads.add(threadName(event.getThread("eventThread")), event.getFloat("user") + event.getFloat("system"));
            return;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> {
                self.add(name(stack.getFrames().get(0)));
                ours.add(firstOfOurs(stack.getFrames()));
                libraries.add(library(stack.getFrames()));
            }
            case "jdk.NativeMethodSample" -> waiting.add(firstOfOurs(stack.getFrames()));
            default -> {}
        }
    }

    /** The {@code limit} methods with most samples on top of the stack, as {@code [method, share of samples]}. */
    public List<Map.Entry<String, Double>> self(int limit) {
        return self.top(limit);
    }

    public List<Map.Entry<String, Double>> ours(int limit) {
        return ours.top(limit);
    }

    public List<Map.Entry<String, Double>> libraries(int limit) {
        return libraries.top(limit);
    }

    public List<Map.Entry<String, Double>> waiting(int limit) {
        return waiting.top(limit);
    }

    public List<Map.Entry<String, Double>> threads(int limit) {
        return threads.top(limit);
    }

    /** Five tables in Markdown, each share a percentage of this JVM's samples (or thread CPU) of that kind. */
    public String markdown(String service) {
        return "## " + service + "\n\n"
                + table("CPU by thread (jdk.ThreadCPULoad; JIT compilers included, GC threads not)", threads(10))
                + table("Self time: top frame of " + self.samples + " execution samples", self(15))
                + table("Inclusive, by the first org.newsroom frame from the top (same samples)", ours(15))
                + table("By library: package of the first non-JDK frame from the top (same samples)", libraries(15))
                + table(
                        "Waiting in native code: first org.newsroom frame of " + waiting.samples
                                + " native-method samples",
                        waiting(10));
    }

    private static String table(String heading, List<Map.Entry<String, Double>> rows) {
        StringBuilder out = new StringBuilder("### ").append(heading).append("\n\n| % | |\n|---:|---|\n");
        rows.forEach(row -> out.append(String.format(Locale.ROOT, "| %.1f | `%s` |%n", row.getValue(), row.getKey())));
        return out.append('\n').toString();
    }

    private static String firstOfOurs(List<RecordedFrame> frames) {
        Optional<RecordedFrame> first = frames.stream()
                .filter(frame -> frame.getMethod().getType().getName().startsWith(OURS))
                .findFirst();
        return first.map(HotMethods::name).orElse(NONE_OF_OURS);
    }

    private static String library(List<RecordedFrame> frames) {
        return frames.stream()
                .map(frame -> frame.getMethod().getType().getName())
                .filter(type -> JDK.stream().noneMatch(type::startsWith))
                .findFirst()
                .map(HotMethods::library)
                .orElse("(JDK only)");
    }

    private static String library(String type) {
        String[] segments = type.split("\\.");
        return String.join(".", Arrays.copyOf(segments, Math.min(LIBRARY_SEGMENTS, segments.length - 1)));
    }

    private static String threadName(RecordedThread thread) {
        if (thread == null) {
            return "(unknown)";
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        return name.replaceAll("[0-9]+", "#");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static final class Tally {
        private final Map<String, Double> weights = new HashMap<>();
        private double total;
        private int samples;

        void add(String key) {
            add(key, 1);
        }

        void add(String key, double weight) {
            weights.merge(key, weight, Double::sum);
            total += weight;
            samples++;
        }

        List<Map.Entry<String, Double>> top(int limit) {
            return weights.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(limit)
                    .map(entry -> Map.entry(entry.getKey(), 100 * entry.getValue() / total))
                    .toList();
        }
    }
}
