package org.newsroom.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.newsroom.events.Topics;

/**
 * A single-node KRaft broker of the harness's own, configured as {@code ./newsroom} configures the stack's (same jars,
 * same settings) but on other ports and a data directory under {@code chaos/target}: stopping it for a fault must not
 * take down the broker other people's tests are using.
 */
final class KafkaBroker implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final int PARTITIONS = 6;

    private final Path jars;
    private final Path conf;
    private final Path log;
    private final int port;
    private Process process;

    private KafkaBroker(Path jars, Path conf, Path log, int port) {
        this.jars = jars;
        this.conf = conf;
        this.log = log;
        this.port = port;
    }

    /** Writes the configuration and formats a fresh data directory under {@code dir}; starts nothing yet. */
    static KafkaBroker format(Path root, Path dir, int port, int controllerPort)
            throws IOException, InterruptedException {
        Path jars = root.resolve(".newsroom/lib/kafka");
        if (!Files.exists(jars.resolve(".complete"))) {
            throw new IllegalStateException(jars + " is missing: run ./newsroom chaos (or ./newsroom test) once,"
                    + " which fetches the Kafka jars");
        }
        if (answers(port) || answers(controllerPort)) {
            throw new IllegalStateException(
                    "ports " + port + "/" + controllerPort + " are taken: is another chaos run going on?");
        }
        Path data = dir.resolve("data");
        deleteRecursively(data);
        Files.createDirectories(data);
        Path conf = dir.resolve("server.properties");
        Files.writeString(conf, """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%4$s
                num.partitions=%5$d
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(HOST, port, controllerPort, data, PARTITIONS), StandardCharsets.UTF_8);
        KafkaBroker broker = new KafkaBroker(jars, conf, dir.resolve("kafka.log"), port);
        Process format = broker.java(
                        List.of("-Xmx256m"),
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        conf.toString())
                .start();
        if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting the Kafka storage failed; see " + broker.log);
        }
        return broker;
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Starts the broker (on the same data as before, after a {@link #stop()}) and waits until it answers. */
    void start() throws IOException, InterruptedException {
        process = java(
                        List.of(
                                "-Xms256m",
                                "-Xmx512m",
                                "-Dkafka.logs.dir=" + log.getParent().resolve("logs")),
                        "kafka.Kafka",
                        conf.toString())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!answers(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the chaos broker did not start; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** A clean stop (SIGTERM, as an operator's restart would), killed only if it hangs. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        process = null;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** The pipeline's topics and their dead-letter topics, as the launcher creates them. */
    void createTopics() throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private ProcessBuilder java(List<String> options, String... mainAndArgs) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(options);
        command.add("-cp");
        command.add(jars + "/*");
        command.addAll(List.of(mainAndArgs));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
