package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docker-compose.yml against the services' own configuration. */
class ComposeTest {

    private static Compose compose;
    private static QuarkusRuntimeVariables quarkus;

    @BeforeAll
    static void load() throws IOException {
        compose = Compose.load(Repository.ROOT.resolve("docker-compose.yml"));
        quarkus = QuarkusRuntimeVariables.fromClasspath();
    }

    @Test
    void theWholeStackIsThere() {
        assertEquals(
                Set.of(
                        "postgres",
                        "kafka",
                        "kafka-init",
                        "mailpit",
                        "ingest-service",
                        "editorial-service",
                        "publish-service",
                        "notify-service"),
                compose.services().keySet());
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckAndEveryDependencyWaitsForOne() {
        for (Compose.Service service : compose.services().values()) {
            if (!service.name().equals("kafka-init")) {
                assertTrue(service.healthcheck().isPresent(), service.name() + " has a healthcheck");
            }
            service.dependsOn()
                    .forEach((dependency, condition) -> assertEquals(
                            dependency.equals("kafka-init") ? "service_completed_successfully" : "service_healthy",
                            condition,
                            service.name() + " waits for " + dependency));
        }
    }

    @ParameterizedTest
    @MethodSource("org.newsroom.deploycheck.ServiceConfig#services")
    void eachServiceWaitsForItsBackingServicesAndChecksItsOwnReadiness(String name) {
        Compose.Service service = compose.service(name);
        int port = Repository.service(name).httpPort();
        int management = Repository.service(name).managementPort();

        Set<String> needs = new TreeSet<>(Set.of("postgres", "kafka", "kafka-init"));
        if (name.equals("notify-service")) {
            needs.add("mailpit");
        }
        assertEquals(needs, service.dependsOn().keySet());
        assertEquals(List.of(port), service.containerPorts(), "published: quarkus.http.port only, not management");
        assertEquals(String.valueOf(port), service.environment().get("QUARKUS_HTTP_PORT"));
        assertEquals(String.valueOf(management), service.environment().get("QUARKUS_MANAGEMENT_PORT"));
        String check = service.healthcheck().orElseThrow();
        assertTrue(
                check.contains("/dev/tcp/127.0.0.1/" + management + " ") && check.contains("/q/health/ready"),
                "readiness is asked on the management port: " + check);
        assertTrue(
                service.volumes().contains("./" + name + "/target/quarkus-app:/app:ro"), "runs the packaged service");
        assertTrue(
                seconds(service.spec().get("stop_grace_period"))
                        > seconds(service.environment().get("QUARKUS_SHUTDOWN_TIMEOUT")),
                "stop grace covers the shutdown");
    }

    /** Compose and Quarkus durations as this file writes them: seconds, "30s". */
    private static long seconds(Object duration) {
        String value = String.valueOf(duration);
        assertTrue(value.matches("\\d+s"), "a duration in seconds: " + value);
        return Long.parseLong(value.substring(0, value.length() - 1));
    }

    @ParameterizedTest
    @MethodSource("org.newsroom.deploycheck.ServiceConfig#services")
    void everyVariableSetIsOneTheServiceReads(String name) {
        ServiceEnvironment environment = new ServiceEnvironment(Repository.service(name), quarkus);
        Set<String> unread = new TreeSet<>(compose.service(name).environment().keySet());
        unread.removeIf(environment::reads);
        assertEquals(Set.of(), unread, name + " is given variables it never reads");
    }

    @ParameterizedTest
    @MethodSource("org.newsroom.deploycheck.ServiceConfig#services")
    void everyVariableWithoutADefaultIsSet(String name) {
        ServiceConfig config = Repository.service(name);
        Set<String> required = new TreeSet<>(config.referencedVariables());
        required.removeIf(v -> config.defaultOf(v).isPresent());
        required.removeAll(compose.service(name).environment().keySet());
        assertEquals(Set.of(), required, name + " cannot start without these");
    }

    @Test
    void postgresCreatesTheFourDatabasesTheServicesUse() throws IOException {
        Set<String> created = new TreeSet<>(databaseOwners(initScript()).keySet());
        Set<String> used = new TreeSet<>();
        ServiceConfig.services().forEach(name -> {
            String database = compose.service(name).environment().get("NEWSROOM_DB_NAME");
            assertEquals(Repository.service(name).defaultOf("NEWSROOM_DB_NAME").orElseThrow(), database, name);
            used.add(database);
        });
        assertEquals(4, used.size(), "one database per service");
        assertEquals(used, created);
    }

    /**
     * Each service logs in as a role of its own, which owns its database and nothing else and holds no special
     * privilege; its password is the one the init script gives the role (both from the same compose variable).
     */
    @Test
    void eachServiceConnectsAsItsOwnRoleNotTheSuperuser() throws IOException {
        String script = initScript();
        Map<String, String> owners = databaseOwners(script);
        Map<String, String> postgres = compose.service("postgres").environment();
        String superuser = postgres.getOrDefault("POSTGRES_USER", "postgres");
        Set<String> users = new TreeSet<>();
        ServiceConfig.services().forEach(name -> {
            Map<String, String> env = compose.service(name).environment();
            String user = env.get("NEWSROOM_DB_USER");
            assertTrue(
                    user != null && !user.equals(superuser) && !user.equals("postgres"), name + " logs in as " + user);
            users.add(user);
            assertEquals(user, owners.get(env.get("NEWSROOM_DB_NAME")), name + "'s role owns its database");

            Matcher role = Pattern.compile("(?m)^CREATE ROLE " + user + " LOGIN PASSWORD :'(\\w+)';$")
                    .matcher(script);
            assertTrue(role.find(), "a plain login role " + user + " (no SUPERUSER, CREATEDB, CREATEROLE)");
            Matcher source = Pattern.compile("(?m)^\\\\getenv " + role.group(1) + " (\\w+)$")
                    .matcher(script);
            assertTrue(source.find(), "the password of " + user + " comes from the environment");
            assertEquals(
                    postgres.get(source.group(1)),
                    env.get("NEWSROOM_DB_PASSWORD"),
                    name + " uses the password its role is created with");
        });
        assertEquals(4, users.size(), "one role per service");
        assertEquals(4, owners.values().stream().distinct().count(), "each role owns one database");
        assertTrue(
                script.matches("(?s).*REVOKE CONNECT, TEMPORARY ON DATABASE [a-z_, ]+\\s+FROM PUBLIC;.*"),
                "only a database's owner connects to it");
    }

    /** Kafka, PostgreSQL and the mail sink are for this machine only: nothing else on its network reaches them. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "kafka", "mailpit"})
    void backingServicesListenOnLoopbackOnly(String name) {
        List<String> ports = compose.service(name).spec().get("ports") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        assertFalse(ports.isEmpty(), name + " publishes ports");
        ports.forEach(p -> assertTrue(p.startsWith("127.0.0.1:"), name + " binds " + p));
    }

    private static String initScript() throws IOException {
        Compose.Service postgres = compose.service("postgres");
        String mount = postgres.volumes().stream()
                .filter(v -> v.contains("/docker-entrypoint-initdb.d/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no init script mounted"));
        String script = mount.substring(0, mount.indexOf(':'));
        assertEquals("./deploy/postgres/init-databases.sql", script);
        return Files.readString(Repository.ROOT.resolve(script));
    }

    /** database → owning role, from the init script's {@code CREATE DATABASE d OWNER r}. */
    private static Map<String, String> databaseOwners(String script) {
        Map<String, String> owners = new TreeMap<>();
        Matcher m = Pattern.compile("(?im)^\\s*CREATE DATABASE\\s+(\\w+)(?:\\s+OWNER\\s+(\\w+))?")
                .matcher(script);
        while (m.find()) {
            owners.put(m.group(1), m.group(2));
        }
        return owners;
    }

    @Test
    void kafkaIsTheOfficialImageInKraftModeAndTheServicesReachItsInternalListener() {
        Compose.Service kafka = compose.service("kafka");
        Map<String, String> env = kafka.environment();

        assertTrue(kafka.image().startsWith("apache/kafka:"), kafka.image());
        assertEquals(
                Set.of("broker", "controller"),
                Set.of(env.get("KAFKA_PROCESS_ROLES").split(",")));
        assertTrue(env.containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS"), "KRaft quorum");
        assertTrue(compose.services().keySet().stream().noneMatch(s -> s.contains("zookeeper")));
        assertTrue(env.keySet().stream().noneMatch(k -> k.contains("ZOOKEEPER")));

        Matcher internal = Pattern.compile("INTERNAL://kafka:(\\d+)").matcher(env.get("KAFKA_ADVERTISED_LISTENERS"));
        assertTrue(internal.find(), "an INTERNAL listener advertised as kafka:PORT");
        ServiceConfig.services()
                .forEach(name -> assertEquals(
                        "kafka:" + internal.group(1),
                        compose.service(name).environment().get("KAFKA_BOOTSTRAP_SERVERS"),
                        name));
    }

    @Test
    void kafkaInitCreatesEveryTopicTheServicesUse() {
        String script = compose.service("kafka-init").command();
        Matcher loop = Pattern.compile("for t in ([a-z. ]+); do").matcher(script);
        assertTrue(loop.find(), "kafka-init loops over the topics");
        Set<String> created = new TreeSet<>();
        for (String topic : loop.group(1).trim().split("\\s+")) {
            created.add(topic);
            if (script.contains("--topic \"$t.dlq\"")) {
                created.add(topic + ".dlq");
            }
        }
        ServiceConfig.services()
                .forEach(name -> Repository.service(name)
                        .topics()
                        .forEach(topic -> assertTrue(
                                created.contains(topic),
                                name + " uses " + topic + ", which kafka-init does not create")));
    }

    @Test
    void mailGoesToMailpitWhoseWebUiIsPublished() {
        Compose.Service mailpit = compose.service("mailpit");
        assertTrue(mailpit.image().startsWith("axllent/mailpit:"), mailpit.image());
        assertTrue(mailpit.containerPorts().containsAll(Set.of(1025, 8025)), "SMTP 1025 and web UI 8025");

        Map<String, String> notify = compose.service("notify-service").environment();
        assertEquals("mailpit", notify.get("NEWSROOM_SMTP_HOST"));
        assertEquals("1025", notify.get("NEWSROOM_SMTP_PORT"));
    }
}
