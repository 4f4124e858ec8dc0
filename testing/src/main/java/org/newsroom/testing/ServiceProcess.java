package org.newsroom.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service started from its packaged fast-jar, as ops would run it: a separate JVM configured by env, with a public
 * port and a management port (health, metrics) of its own, so several instances of one service run side by side.
 */
public final class ServiceProcess implements AutoCloseable {
    public static final String HTTP_PORT = "QUARKUS_HTTP_PORT";
    public static final String MANAGEMENT_PORT = "QUARKUS_MANAGEMENT_PORT";
    private static final int FIRST_PORT = 20000;
    private static final int PORT_RANGE = 12000;
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(new Random().nextInt(PORT_RANGE));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /**
     * @param root the repository root, under which {@code <name>/target/quarkus-app} holds the packaged service
     * @param logs where the service's output goes, one file per instance
     * @param instance numbers the log files of several instances of one service
     * @param env its configuration; a {@code QUARKUS_HTTP_PORT} or {@code QUARKUS_MANAGEMENT_PORT} in it (from
     *     {@link #freePort()}) is kept, for services that must know each other's addresses before they start (links
     *     between the readers' pages, editorial asking publish and notify for previews)
     */
    public static ServiceProcess start(Path root, Path logs, String name, int instance, Map<String, String> env)
            throws IOException {
        return start(root, logs, name, instance, env, List.of(heap(env)));
    }

    /** As above, with these JVM flags instead of the heap {@code JAVA_MAX_HEAP} sets (e.g. the images' flags). */
    public static ServiceProcess start(
            Path root, Path logs, String name, int instance, Map<String, String> env, List<String> jvmFlags)
            throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        int port = env.containsKey(HTTP_PORT) ? Integer.parseInt(env.get(HTTP_PORT)) : freePort();
        int managementPort = env.containsKey(MANAGEMENT_PORT) ? Integer.parseInt(env.get(MANAGEMENT_PORT)) : freePort();
        Path log = logs.resolve(name + "-" + instance + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        // Run from the application's directory, as the images do: a class data sharing archive built with the
        // package (-XX:SharedArchiveFile=app-cds.jsa) only matches the class path quarkus-run.jar relative to it.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put(HTTP_PORT, String.valueOf(port));
        builder.environment().put(MANAGEMENT_PORT, String.valueOf(managementPort));
        return new ServiceProcess(name, port, managementPort, builder.start(), log);
    }

    /** The file the service's console output goes to. */
    public Path log() {
        return log;
    }

    /** The public port: the API and pages. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: {@code /q/health/*}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String name() {
        return name;
    }

    /** The JVM's process id, e.g. to read its memory from {@code /proc/<pid>/status}. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** One probe of {@code /q/health/ready}: true when it answers 200 within two seconds. */
    public boolean ready() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing in flight is finished or rolled back politely. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** A service's heap: 256 MiB unless {@code JAVA_MAX_HEAP} in its environment says otherwise (benchmarks do). */
    private static String heap(Map<String, String> env) {
        return "-Xmx" + env.getOrDefault("JAVA_MAX_HEAP", "256m");
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up on Linux). A port the kernel picked (bind to 0)
     * was seen taken again before the service bound it: by the source port of some other process's outgoing
     * connection. Below that range only an explicit bind can take it, and the counter keeps this run's services
     * apart.
     */
    public static int freePort() throws IOException {
        for (int tries = 0; tries < PORT_RANGE; tries++) {
            int port = FIRST_PORT + Math.floorMod(NEXT_PORT.getAndIncrement(), PORT_RANGE);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in " + FIRST_PORT + "-" + (FIRST_PORT + PORT_RANGE - 1));
    }
}
