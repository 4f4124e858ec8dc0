package org.newsroom.bench.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What the broker alone does on this machine: Kafka's own perf tools ({@code ProducerPerformance},
 * {@code ConsumerPerformance} of kafka-tools) on a topic of their own, shaped as the pipeline's topics (6 partitions),
 * records of the pipeline's event size, acks=all.
 *
 * <p>Each tool runs as a child JVM on the broker's class path (the jars {@code ./newsroom} fetched into
 * {@code .newsroom/lib/kafka}), as {@code kafka-producer-perf-test.sh} would: the tools need the broker's own
 * kafka-clients and dependencies, which the bench's class path (the services' client version) does not have, and a
 * JVM of their own keeps the bench's threads and heap out of the ceiling they measure.
 */
public final class KafkaBaseline {
    /** The final summary; progress lines lack the percentiles. */
    private static final Pattern PRODUCED = Pattern.compile(
            "\\d+ records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), [\\d.]+ ms avg latency, [\\d.]+ ms max "
                    + "latency, \\d+ ms 50th");

    private static final int PARTITIONS = 6;
    private static final long TOOL_TIMEOUT_MINUTES = 10;

    /**
     * What ProducerPerformance reported. Its latencies are left out: unthrottled, they measure the producer's own
     * queue more than the broker.
     */
    public record Produced(double recordsPerSecond, double megabytesPerSecond) {}

    /**
     * What ConsumerPerformance reported: records/s over its whole run, and over the fetching alone (after the group
     * was joined).
     */
    public record Consumed(double recordsPerSecond, double fetchRecordsPerSecond) {}

    private final Path lib;
    private final String bootstrap;
    private final String topic =
            "bench.baseline." + UUID.randomUUID().toString().substring(0, 8);

    /** @param lib the folder of the broker's jars, kafka-tools among them */
    public KafkaBaseline(Path lib, String bootstrap) {
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: ./newsroom bench fetches the broker's jars there");
        }
        this.lib = lib;
        this.bootstrap = bootstrap;
    }

    /** Produces {@code records} of {@code size} bytes with acks=all, then consumes them all. */
    public Result run(int records, int size) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get();
            try {
                return new Result(produce(records, size), consume(records));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    /** Both rates of one run. */
    public record Result(Produced produced, Consumed consumed) {}

    private Produced produce(int records, int size) throws Exception {
        String out = tool(
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                String.valueOf(records),
                "--record-size",
                String.valueOf(size),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all");
        Matcher summary = PRODUCED.matcher(out);
        MatchResult last = null;
        while (summary.find()) {
            last = summary.toMatchResult();
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + out);
        }
        return new Produced(Double.parseDouble(last.group(1)), Double.parseDouble(last.group(2)));
    }

    private Consumed consume(int records) throws Exception {
        String out = tool(
                "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server",
                bootstrap,
                "--topic",
                topic,
                "--messages",
                String.valueOf(records),
                "--group",
                "bench-baseline-" + UUID.randomUUID());
        List<String> lines = out.lines().filter(l -> l.contains(",")).toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("nMsg.sec")) {
                header = i;
            }
        }
        if (header < 0 || header + 1 >= lines.size()) {
            throw new IllegalStateException("ConsumerPerformance printed no figures:\n" + out);
        }
        List<String> names = columns(lines.get(header));
        List<String> values = columns(lines.get(header + 1));
        return new Consumed(
                Double.parseDouble(values.get(names.indexOf("nMsg.sec"))),
                Double.parseDouble(values.get(names.indexOf("fetch.nMsg.sec"))));
    }

    private static List<String> columns(String line) {
        List<String> columns = new ArrayList<>();
        for (String column : line.split(",")) {
            columns.add(column.trim());
        }
        return columns;
    }

    /** Runs a kafka-tools class to its end; @return what it printed (its logging quiet but for warnings). */
    private String tool(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                lib.resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("bench-baseline", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean ended = process.waitFor(TOOL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException(
                        mainClass + " failed or did not end within " + TOOL_TIMEOUT_MINUTES + " minutes:\n" + out);
            }
            return out;
        } finally {
            Files.delete(output);
        }
    }
}
