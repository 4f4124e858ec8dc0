package org.newsroom.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real OpenID Connect provider for tests: Keycloak's server distribution (fetched from Maven Central into
 * {@code .newsroom/lib/keycloak} by the launcher's {@code fetch_keycloak}, as the Kafka jars are), started in dev
 * mode on a free port with an in-memory database and one realm imported, stopped by {@link #close()}.
 *
 * <p>Each instance runs in a home of its own under {@code target/keycloak/} (the distribution's {@code lib},
 * {@code providers} and {@code themes} linked, its {@code bin} and {@code conf} copied, its own {@code data}), so that
 * nothing of one run is seen by the next. Keycloak runs on Java 21 or later, found by {@link #java()}.
 *
 * <pre>{@code
 * try (Keycloak keycloak = Keycloak.start(Keycloak.Realm.of(root.resolve("deploy/keycloak/newsroom-realm.json"))
 *         .client("newsroom-desk", "http://127.0.0.1:8082", secret)
 *         .user("chloe", "a password", "chief-editor"))) {
 *     keycloak.issuer(); keycloak.jwksUrl();
 * }
 * }</pre>
 */
public final class Keycloak implements AutoCloseable {
    /** Java 21 or later, for Keycloak only (the project itself runs on 17). */
    public static final String JAVA_HOME_ENV = "NEWSROOM_KEYCLOAK_JAVA_HOME";

    private static final int MINIMUM_JAVA = 21;
    /** How long a start may take once Keycloak is built: a clear failure rather than a test that hangs. */
    private static final Duration START = Duration.ofSeconds(Long.getLong(
            "newsroom.keycloak.start-seconds",
            Long.parseLong(System.getenv().getOrDefault("NEWSROOM_KEYCLOAK_START_SECONDS", "120"))));
    /**
     * The first start after a fetch builds the server for dev mode once (Quarkus's augmentation, written into the
     * distribution; later starts skip it); that build is not counted in {@link #START}, but has a bound of its own.
     */
    private static final Duration BUILD = Duration.ofSeconds(300);

    private static final String BUILDING = "Updating the configuration and installing your custom providers";
    private static final String BUILT = "augmentation completed";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEBIAN_NAME = Pattern.compile("java-(\\d+)-openjdk.*");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String url;
    private final String realm;
    private final Process process;
    private final Path log;
    private Duration startedIn;

    private Keycloak(String url, String realm, Process process, Path log) {
        this.url = url;
        this.realm = realm;
        this.process = process;
        this.log = log;
    }

    /**
     * A realm to import: the realm file of the repository, adapted for the test — a client's address and secret, and
     * users, which stay out of the file itself.
     */
    public static final class Realm {
        private final ObjectNode realm;

        private Realm(ObjectNode realm) {
            this.realm = realm;
        }

        public static Realm of(Path file) throws IOException {
            return new Realm((ObjectNode) JSON.readTree(file.toFile()));
        }

        public String name() {
            return realm.get("realm").asText();
        }

        /** The client's root URL (its relative redirect URIs resolve against it) and its secret. */
        public Realm client(String clientId, String rootUrl, String secret) {
            for (var client : realm.withArray("clients")) {
                if (clientId.equals(client.path("clientId").asText())) {
                    ((ObjectNode) client).put("rootUrl", rootUrl).put("secret", secret);
                    return this;
                }
            }
            throw new IllegalArgumentException("the realm " + name() + " has no client " + clientId);
        }

        /** A user who can sign in at once (no action required first), with these realm roles. */
        public Realm user(String username, String password, String... realmRoles) {
            ObjectNode user = realm.withArray("users").addObject();
            user.put("username", username)
                    .put("enabled", true)
                    .put("email", username + "@newsroom.test")
                    .put("emailVerified", true)
                    .put("firstName", Character.toUpperCase(username.charAt(0)) + username.substring(1))
                    .put("lastName", "Tester");
            user.putArray("requiredActions");
            user.putArray("credentials")
                    .addObject()
                    .put("type", "password")
                    .put("value", password)
                    .put("temporary", false);
            ArrayNode roles = user.putArray("realmRoles");
            for (String role : realmRoles) {
                roles.add(role);
            }
            return this;
        }

        private void writeTo(Path importDirectory) throws IOException {
            Files.createDirectories(importDirectory);
            // <realm>-realm.json is the name Keycloak's directory import looks for.
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(importDirectory.resolve(name() + "-realm.json").toFile(), realm);
        }
    }

    /** Starts Keycloak with the realm, in a home of its own under {@code <repository>/target/keycloak/}. */
    public static Keycloak start(Realm realm) throws IOException, InterruptedException {
        return start(realm, ServiceProcess.freePort());
    }

    /**
     * As {@link #start(Realm)}, on a port chosen before ({@link ServiceProcess#freePort()}): a service can be told
     * the {@link #issuer(int, String)} and start while Keycloak does.
     */
    public static Keycloak start(Realm realm, int port) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("newsroom.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path distribution = distribution(root);
        int managementPort = ServiceProcess.freePort();
        Path home = root.resolve("target/keycloak/" + port);
        prepareHome(distribution, home);
        realm.writeTo(home.resolve("data/import"));
        Path log = home.resolve("keycloak.log");
        // bash, not the script itself: the distribution may have been unpacked without execute bits (fetch_keycloak)
        List<String> command = List.of(
                "bash",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--db=dev-mem",
                "--import-realm");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", java().toString());
        // It shares a small machine with the services and the build: a bounded heap, and the quick compiler only.
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        long started = System.nanoTime();
        Keycloak keycloak = new Keycloak("http://127.0.0.1:" + port, realm.name(), builder.start(), log);
        try {
            keycloak.awaitReady();
        } catch (RuntimeException | InterruptedException | Error e) {
            keycloak.close();
            throw e;
        }
        keycloak.startedIn = Duration.ofNanos(System.nanoTime() - started);
        return keycloak;
    }

    /** Where Keycloak listens, e.g. {@code http://127.0.0.1:20123}. */
    public String url() {
        return url;
    }

    /** The realm's issuer, as its tokens name it ({@code iss}). */
    public String issuer() {
        return url + "/realms/" + realm;
    }

    /** The issuer a realm will have on a port, before Keycloak answers there. */
    public static String issuer(int port, String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    /** The realm's signing keys (JWKS), as a service verifying its tokens reads them. */
    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** From the process start to its realm answering. */
    public Duration startedIn() {
        return startedIn;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        // kc.sh passes SIGTERM on to the server's JVM.
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitReady() throws InterruptedException {
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        long begun = System.nanoTime();
        long deadline = begun + START.toNanos();
        boolean building = false;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak exited with " + process.exitValue() + " during its start; " + tail());
            }
            if (answers(wellKnown)) {
                return;
            }
            String output = output();
            if (!building && output.contains(BUILDING) && !output.contains(BUILT)) {
                building = true;
                deadline = begun + BUILD.toNanos() + START.toNanos();
            } else if (building && output.contains(BUILT)) {
                building = false;
                deadline = System.nanoTime() + START.toNanos();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak did not answer " + wellKnown + " within "
                        + (building ? BUILD + " of building" : START.toSeconds() + " s") + "; " + tail());
            }
            Thread.sleep(500);
        }
    }

    private static boolean answers(URI uri) throws InterruptedException {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private String tail() {
        List<String> lines = output().lines().toList();
        return "its log " + log + " ends with:\n  "
                + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    /**
     * The unpacked distribution; fetched first (Maven Central, once, by the launcher's {@code fetch_keycloak}) when
     * it is not there yet.
     */
    private static Path distribution(Path root) throws IOException, InterruptedException {
        Path distribution = root.resolve(".newsroom/lib/keycloak");
        if (Files.exists(distribution.resolve(".complete"))) {
            return distribution;
        }
        ProcessBuilder fetch = new ProcessBuilder("bash", "-c", "source tools/launcher/lib.sh && fetch_keycloak")
                .directory(root.toFile())
                .inheritIO();
        fetch.environment().put("ROOT", root.toString());
        fetch.environment().put("STATE", root.resolve(".newsroom").toString());
        int exit = fetch.start().waitFor();
        if (exit != 0 || !Files.exists(distribution.resolve(".complete"))) {
            throw new IllegalStateException("could not fetch Keycloak into " + distribution + " (exit " + exit
                    + "): is Maven Central reachable? (tools/launcher/lib.sh, fetch_keycloak)");
        }
        return distribution;
    }

    private static void prepareHome(Path distribution, Path home) throws IOException {
        deleteTree(home);
        Files.createDirectories(home.resolve("data"));
        for (String shared : List.of("lib", "providers", "themes")) {
            Files.createSymbolicLink(home.resolve(shared), distribution.resolve(shared));
        }
        // kc.sh takes the directory above its own (symbolic links resolved) as the server's home: a copy, not a link.
        for (String own : List.of("bin", "conf")) {
            copyTree(distribution.resolve(own), home.resolve(own));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            // Walk does not follow the links to the distribution: only the links themselves are deleted.
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * A Java of at least version 21 for Keycloak: {@value #JAVA_HOME_ENV} if set, else the JVM running the tests or
     * {@code JAVA_HOME} if recent enough, else the newest under {@code /usr/lib/jvm} (Debian's packages and
     * Temurin's install there; .ci/run installs {@code openjdk-21-jre-headless} where there is none).
     */
    static Path java() {
        String chosen = System.getenv(JAVA_HOME_ENV);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            installed
                    .sorted(Comparator.comparingInt(Keycloak::version).reversed())
                    .forEach(candidates::add);
        } catch (IOException none) {
            // no system JVMs
        }
        return candidates.stream()
                .filter(home -> version(home) >= MINIMUM_JAVA && Files.isExecutable(home.resolve("bin/java")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak needs Java " + MINIMUM_JAVA
                        + " or later and none was found (tried " + candidates + "): apt-get install "
                        + "openjdk-21-jre-headless, or set " + JAVA_HOME_ENV));
    }

    /**
     * The feature version a Java home's {@code release} file names (JAVA_VERSION="25.0.3" → 25), else the one in its
     * directory's name (Debian's java-21-openjdk-amd64), or 0.
     */
    private static int version(Path home) {
        Matcher named = DEBIAN_NAME.matcher(String.valueOf(home.getFileName()));
        int fromName = named.matches() ? Integer.parseInt(named.group(1)) : 0;
        if (!Files.exists(home.resolve("release"))) {
            return fromName;
        }
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            return fromName;
        }
        return fromName;
    }
}
