package org.newsroom.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * The four services as separate JVMs on the real broker, PostgreSQL and an SMTP server, configured only by
 * environment, as ops run them. Each pipeline has its own databases (named after it, recreated) and consumer groups
 * (new for every run, reading from the end of the topics), so it shares nothing with the local stack, another
 * pipeline or an earlier run but the topics.
 */
public final class Pipeline implements AutoCloseable {
    public static final String INGEST = "ingest-service";
    public static final String EDITORIAL = "editorial-service";
    public static final String PUBLISH = "publish-service";
    public static final String NOTIFY = "notify-service";

    private final String name;
    private final Path root;
    private final Path publicKey;
    private final MailSink mail;
    private final Backends backends;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /**
     * Signs notify's email links, shared by its instances (a link one of them mails works on another); packaged
     * services run in the prod profile, which has no default for it.
     */
    private final String notifyTokenSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    /** Read by watchers on other threads while instances are started and killed. */
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();

    private final Map<String, Integer> consumers = new HashMap<>();
    private int started;

    /**
     * The management ports of publish and notify, chosen before any service starts: editorial, which asks them for the
     * desk's previews there, may start first. An instance of each takes its port while no running one holds it.
     */
    private final Map<String, Integer> rendererPorts;

    private Pipeline(String name, Path root, Path publicKey, MailSink mail, Backends backends) throws IOException {
        this.name = name;
        this.root = root;
        this.publicKey = publicKey;
        this.mail = mail;
        this.backends = backends;
        this.rendererPorts = Map.of(PUBLISH, ServiceProcess.freePort(), NOTIFY, ServiceProcess.freePort());
    }

    public static Pipeline create(String name) throws Exception {
        return create(name, Backends.fromEnvironment());
    }

    /** As {@link #create(String)}, on the given broker and PostgreSQL rather than the environment's. */
    public static Pipeline create(String name, Backends backends) throws Exception {
        Path root = Path.of(System.getProperty("newsroom.root", ".."))
                .toAbsolutePath()
                .normalize();
        Databases.recreate(
                backends,
                database(INGEST, name),
                database(EDITORIAL, name),
                database(PUBLISH, name),
                database(NOTIFY, name));
        Path publicKey = Files.createTempFile("newsroom-" + name, ".pem");
        Files.writeString(publicKey, TestTokens.publicKeyPem(), StandardCharsets.UTF_8);
        return new Pipeline(name, root, publicKey, MailSink.start(), backends);
    }

    public Backends backends() {
        return backends;
    }

    /** The {@code file:} URI of the key that verifies {@link TestTokens}, e.g. for notify's admin API. */
    public String publicKeyLocation() {
        return publicKey.toUri().toString();
    }

    /** The instances running now, in the order they were started. */
    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** {@code kill -9} of one instance; it no longer counts towards {@link #awaitReady()}. */
    public void kill(ServiceProcess instance) throws InterruptedException {
        forget(instance);
        instance.kill();
    }

    /** A graceful stop of one instance (as a scale-down would), which no longer counts towards readiness. */
    public void stop(ServiceProcess instance) throws InterruptedException {
        forget(instance);
        instance.close();
    }

    private void forget(ServiceProcess instance) {
        if (services.remove(instance) && consumers.containsKey(instance.name())) {
            consumers.merge(instance.name(), -1, Integer::sum);
        }
    }

    public MailSink mail() {
        return mail;
    }

    /** Starts one more instance of a service; instances of one service share its database and consumer group. */
    public ServiceProcess start(String service) throws Exception {
        return start(service, Map.of());
    }

    /** As {@link #start(String)}, with extra environment (tuning knobs such as {@code JAVA_MAX_HEAP}) on top. */
    public ServiceProcess start(String service, Map<String, String> extraEnv) throws Exception {
        return started(ServiceProcess.start(root, logs(), service, started, environment(service, extraEnv)));
    }

    /** As {@link #start(String, Map)}, with these JVM flags instead of the heap {@code JAVA_MAX_HEAP} sets. */
    public ServiceProcess start(String service, Map<String, String> extraEnv, List<String> jvmFlags) throws Exception {
        return started(ServiceProcess.start(root, logs(), service, started, environment(service, extraEnv), jvmFlags));
    }

    private Path logs() {
        return root.resolve("target/pipelines/" + name);
    }

    private ServiceProcess started(ServiceProcess process) {
        started++;
        services.add(process);
        return process;
    }

    private Map<String, String> environment(String service, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSROOM_DB_NAME", database(service, name));
        env.put("NEWSROOM_DB_HOST", backends.dbHost());
        env.put("NEWSROOM_DB_PORT", backends.dbPort());
        env.put("NEWSROOM_DB_USER", backends.dbUser());
        env.put("NEWSROOM_DB_PASSWORD", backends.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", backends.bootstrapServers());
        // Outside the dev and test profiles the services have no default issuer: name the one test tokens carry.
        env.put("NEWSROOM_JWT_ISSUER", TestTokens.ISSUER);
        switch (service) {
            case EDITORIAL -> {
                env.put("NEWSROOM_JWT_PUBLIC_KEY", publicKey.toUri().toString());
                env.put("NEWSROOM_PUBLISH_INTERNAL_URL", "http://127.0.0.1:" + rendererPorts.get(PUBLISH));
                env.put("NEWSROOM_NOTIFY_INTERNAL_URL", "http://127.0.0.1:" + rendererPorts.get(NOTIFY));
                consumeFrom("ITEMS", service, env);
            }
            case PUBLISH -> consumeFrom("EDITORIAL", service, env);
            case NOTIFY -> {
                env.put("NEWSROOM_SMTP_HOST", mail.host());
                env.put("NEWSROOM_SMTP_PORT", String.valueOf(mail.port()));
                env.put("NEWSROOM_NOTIFY_TOKEN_SECRET", notifyTokenSecret);
                // Pipelines follow single stories to the reader's inbox: every section's stories are "breaking".
                env.put("NEWSROOM_NOTIFY_BREAKING_SECTIONS", "*");
                consumeFrom("PUBLICATIONS", service, env);
            }
            case INGEST -> env.put("NEWSROOM_JWT_PUBLIC_KEY", publicKey.toUri().toString()); // consumes nothing
            default -> {}
        }
        if (rendererPorts.containsKey(service) && !rendererPortHeld(service)) {
            env.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(rendererPorts.get(service)));
        }
        env.putAll(extraEnv);
        return env;
    }

    private boolean rendererPortHeld(String service) {
        String url = "http://127.0.0.1:" + rendererPorts.get(service);
        return services.stream()
                .anyMatch(s -> s.name().equals(service) && s.managementUrl().equals(url));
    }

    private void consumeFrom(String channel, String service, Map<String, String> env) {
        env.put("MP_MESSAGING_INCOMING_" + channel + "_GROUP_ID", consumerGroup(service));
        env.put("MP_MESSAGING_INCOMING_" + channel + "_AUTO_OFFSET_RESET", "latest");
        consumers.merge(service, 1, Integer::sum);
    }

    public String consumerGroup(String service) {
        return service + "-" + name + "-" + run;
    }

    /**
     * Ready means answering and, for consumers, every instance holding partitions: only then is nothing produced
     * afterwards missed by a group that starts from the end of its topic.
     */
    public void awaitReady() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backends.bootstrapServers()))) {
            consumers.forEach((service, instances) -> awaitAssigned(admin, consumerGroup(service), instances));
        }
    }

    private static void awaitAssigned(Admin admin, String group, int instances) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                            .all()
                            .get(10, TimeUnit.SECONDS)
                            .get(group);
                    return description.members().size() == instances
                            && description.members().stream()
                                    .allMatch(member -> !member.assignment()
                                            .topicPartitions()
                                            .isEmpty());
                });
    }

    /** The database of {@code service} in the pipeline named {@code pipeline}, e.g. newsroom_ingest_bench. */
    public static String database(String service, String pipeline) {
        return "newsroom_" + service.replace("-service", "") + "_" + pipeline;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.close();
        }
        mail.close();
    }
}
