package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rendered service against what the service itself says (its application.properties and pom):
 * the variables it is given are ones it reads, its port, health probes, disruption budget, topics,
 * database and scaling.
 */
class ServiceWiringTest {

    private static QuarkusRuntimeVariables quarkus;

    @BeforeAll
    static void readQuarkusConfigModels() throws IOException {
        quarkus = QuarkusRuntimeVariables.fromClasspath();
        assertTrue(
                quarkus.extensionsKnown().containsAll(Set.of("quarkus-core", "quarkus-mailer")),
                "config models on the classpath: " + quarkus.extensionsKnown());
    }

    static Stream<Arguments> overlaysAndServices() {
        return Stream.of("dev", "prod").flatMap(o -> ServiceConfig.services().map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void everyVariableSetIsOneTheServiceReads(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        ServiceEnvironment environment = new ServiceEnvironment(Repository.service(service), quarkus);

        Set<String> unread = new TreeSet<>();
        for (String variable : variables(manifests, container(manifests, service))) {
            if (!environment.reads(variable)) {
                unread.add(variable);
            }
        }
        assertEquals(Set.of(), unread, service + " is given variables it never reads");
    }

    /** The desk's dev login signs in anyone as a chief editor: it exists on the local stack only (README). */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void noDeploymentOffersTheDesksDevLogin(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        assertFalse(
                variables(manifests, container(manifests, service)).contains("NEWSROOM_DESK_DEV_LOGIN_KEY"),
                service + " in " + overlay + " is given the dev login's key");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void noVariableIsLeftToALocalDefault(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        ServiceConfig config = Repository.service(service);
        Set<String> set = variables(manifests, container(manifests, service));

        Set<String> unset = new TreeSet<>();
        for (String variable : config.referencedVariables()) {
            // No default: the service cannot start without it. A localhost default: a laptop's value, wrong
            // in a cluster (links in e-mails and pages, hosts to connect to).
            String fallback = config.defaultOf(variable).orElse(null);
            if ((fallback == null || fallback.contains("localhost") || fallback.contains("127.0.0.1"))
                    && !set.contains(variable)) {
                unset.add(variable + (fallback == null ? " (no default)" : " (default " + fallback + ")"));
            }
        }
        assertEquals(Set.of(), unset, service + " would run on these defaults");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void portAndHealthProbesMatchTheService(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        int port = Repository.service(service).httpPort();
        int management = Repository.service(service).managementPort();
        Container container = container(manifests, service);

        Map<String, Integer> ports = new HashMap<>();
        container.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
        assertEquals(Map.of("http", port, "management", management), ports, "container ports of " + service);
        Map<String, String> data = configMap(manifests, service).getData();
        assertEquals(String.valueOf(port), data.get("QUARKUS_HTTP_PORT"), "QUARKUS_HTTP_PORT of " + service);
        assertEquals(
                String.valueOf(management),
                data.get("QUARKUS_MANAGEMENT_PORT"),
                "QUARKUS_MANAGEMENT_PORT of " + service);

        // Health is served on the management interface only: probes on the http port would get 404.
        assertProbe(container.getStartupProbe(), "/q/health/started", "startup");
        assertProbe(container.getLivenessProbe(), "/q/health/live", "liveness");
        assertProbe(container.getReadinessProbe(), "/q/health/ready", "readiness");

        Service svc = manifests.named(Service.class, service);
        assertTrue(
                labels(manifests, service)
                        .entrySet()
                        .containsAll(svc.getSpec().getSelector().entrySet()),
                "Service " + service + " selects its pods");
        assertEquals(1, svc.getSpec().getPorts().size(), "the Service exposes the http port only: " + service);
        assertEquals(new IntOrString("http"), svc.getSpec().getPorts().get(0).getTargetPort());
        assertEquals(port, svc.getSpec().getPorts().get(0).getPort());
    }

    /** Prometheus finds the metrics on the pod's management port, since the Service does not carry it. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void prometheusScrapesTheManagementPort(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        Map<String, String> annotations = manifests
                .named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations();
        assertNotNull(annotations, "pod annotations of " + service);
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(
                String.valueOf(Repository.service(service).managementPort()), annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void aDisruptionBudgetSelectsThePods(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        Map<String, String> podLabels = labels(manifests, service);

        List<PodDisruptionBudget> selecting = manifests.all(PodDisruptionBudget.class).stream()
                .filter(p -> podLabels
                        .entrySet()
                        .containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()))
                .toList();
        assertEquals(1, selecting.size(), "PodDisruptionBudgets selecting " + service);
        assertEquals(new IntOrString(1), selecting.get(0).getSpec().getMaxUnavailable());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void everyTopicTheServiceUsesHasAKafkaTopic(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        String cluster = manifests.all(Kafka.class).get(0).getMetadata().getName();
        Map<String, KafkaTopic> topics = new HashMap<>();
        manifests.all(KafkaTopic.class).forEach(t -> topics.put(t.getSpec().getTopicName(), t));

        ServiceConfig config = Repository.service(service);
        assertFalse(config.topics().isEmpty(), service + " uses topics");
        for (String topic : config.topics()) {
            KafkaTopic kafkaTopic = topics.get(topic);
            assertNotNull(kafkaTopic, service + " uses " + topic + ", which has no KafkaTopic");
            assertEquals(cluster, kafkaTopic.getMetadata().getLabels().get("strimzi.io/cluster"), topic);
        }
        for (ServiceConfig.Incoming in : config.incoming()) {
            assertEquals(in.topic() + ".dlq", in.deadLetterTopic(), "dead-letter topic of channel " + in.channel());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void connectsToItsOwnDatabaseAndTheBroker(String overlay, String service) {
        Manifests manifests = Repository.environment(overlay);
        Map<String, String> data = configMap(manifests, service).getData();
        CnpgCluster cluster = manifests.all(CnpgCluster.class).get(0);

        assertEquals(cluster.metadata().getName(), databaseCluster(manifests, data.get("NEWSROOM_DB_HOST")));
        CnpgDatabase database = manifests.all(CnpgDatabase.class).stream()
                .filter(d -> d.spec().name().equals(data.get("NEWSROOM_DB_NAME")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CNPG Database " + data.get("NEWSROOM_DB_NAME")));
        assertEquals(data.get("NEWSROOM_DB_USER"), database.spec().owner(), "the service's role owns its database");
        assertEquals(
                Repository.service(service).defaultOf("NEWSROOM_DB_NAME").orElseThrow(),
                database.spec().name(),
                "the database the service defaults to");
        assertEquals(
                passwordSecretOf(cluster, database.spec().owner()),
                secretOf(container(manifests, service), "NEWSROOM_DB_PASSWORD"),
                "NEWSROOM_DB_PASSWORD comes from the Secret of the role");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void logsInToTheBrokerOverTls(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        Map<String, String> data = configMap(manifests, service).getData();
        Kafka kafka = manifests.all(Kafka.class).get(0);
        String cluster = kafka.getMetadata().getName();
        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertEquals(1, listeners.size(), "one listener, the one the services use");
        GenericKafkaListener listener = listeners.get(0);

        assertEquals(cluster + "-kafka-bootstrap:" + listener.getPort(), data.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertTrue(listener.isTls(), "TLS listener");
        assertEquals("SASL_SSL", data.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("scram-sha-512", listener.getAuth().getType());
        assertEquals("SCRAM-SHA-512", data.get("KAFKA_SASL_MECHANISM"));

        // The login: the Secret the User Operator writes for the service's KafkaUser.
        Container container = container(manifests, service);
        EnvVar jaas = container.getEnv().stream()
                .filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no Kafka login"));
        assertEquals("sasl.jaas.config", jaas.getValueFrom().getSecretKeyRef().getKey());
        KafkaUser user = manifests.named(
                KafkaUser.class, jaas.getValueFrom().getSecretKeyRef().getName());
        assertEquals(cluster, user.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType());

        // The trust: the broker certificate's CA, mounted where KAFKA_SSL_TRUSTSTORE_LOCATION points.
        assertEquals("PEM", data.get("KAFKA_SSL_TRUSTSTORE_TYPE"));
        String truststore = data.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> truststore.startsWith(m.getMountPath() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(truststore + " is not mounted"));
        Volume volume =
                manifests.named(Deployment.class, service).getSpec().getTemplate().getSpec().getVolumes().stream()
                        .filter(v -> v.getName().equals(mount.getName()))
                        .findFirst()
                        .orElseThrow();
        assertEquals(cluster + "-cluster-ca-cert", volume.getSecret().getSecretName());
        assertEquals("ca.crt", truststore.substring(mount.getMountPath().length() + 1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void runsHardenedAndShutsDownGracefully(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        PodSpec pod = manifests
                .named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec();
        Container container = container(manifests, service);

        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), "runAsNonRoot");
        assertEquals(
                Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), "readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        String tmpVolume = container.getVolumeMounts().stream()
                .filter(m -> "/tmp".equals(m.getMountPath()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no writable /tmp"))
                .getName();
        Volume tmp = pod.getVolumes().stream()
                .filter(v -> v.getName().equals(tmpVolume))
                .findFirst()
                .orElseThrow();
        assertNotNull(tmp.getEmptyDir(), "/tmp is an emptyDir");

        for (String resource : List.of("cpu", "memory")) {
            Quantity request = container.getResources().getRequests().get(resource);
            Quantity limit = container.getResources().getLimits().get(resource);
            assertNotNull(request, resource + " request");
            assertNotNull(limit, resource + " limit");
            assertTrue(limit.getNumericalAmount().compareTo(request.getNumericalAmount()) >= 0, resource);
        }

        long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
        Duration shutdown =
                quarkusDuration(configMap(manifests, service).getData().get("QUARKUS_SHUTDOWN_TIMEOUT"));
        assertTrue(
                preStop + shutdown.toSeconds() < pod.getTerminationGracePeriodSeconds(),
                "preStop " + preStop + "s + shutdown " + shutdown + " within the grace period");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void consumersScaleOnLagAndCpuWithKedaIngestOnCpu(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        ServiceConfig config = Repository.service(service);
        List<ScaledObject> scaledObjects = manifests.all(ScaledObject.class).stream()
                .filter(s -> s.spec().scaleTargetRef().name().equals(service))
                .toList();
        List<HorizontalPodAutoscaler> hpas = manifests.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service))
                .toList();

        if (config.incoming().isEmpty()) {
            assertEquals(List.of(), scaledObjects, service + " consumes nothing: no KEDA");
            assertEquals(1, hpas.size(), "HPA of " + service);
            assertEquals(
                    "cpu",
                    hpas.get(0).getSpec().getMetrics().get(0).getResource().getName());
            return;
        }
        assertEquals(List.of(), hpas, "KEDA owns the HPA of " + service + ": no second one");
        assertEquals(1, scaledObjects.size(), "ScaledObjects of " + service);
        ScaledObject.Spec spec = scaledObjects.get(0).spec();
        assertEquals("Deployment", spec.scaleTargetRef().kind());

        List<ScaledObject.KafkaLag> lags = new ArrayList<>();
        spec.triggers().stream().filter(t -> t.type().equals("kafka")).forEach(t -> lags.add(t.kafka()));
        String bootstrap = configMap(manifests, service).getData().get("KAFKA_BOOTSTRAP_SERVERS");
        List<ScaledObject.KafkaLag> expected = config.incoming().stream()
                .map(in -> new ScaledObject.KafkaLag(bootstrap, in.groupId(), in.topic(), null, in.autoOffsetReset()))
                .toList();
        assertEquals(
                expected,
                lags.stream()
                        .map(l -> new ScaledObject.KafkaLag(
                                l.bootstrapServers(), l.consumerGroup(), l.topic(), null, l.offsetResetPolicy()))
                        .toList(),
                "one lag trigger per incoming channel, with its group, topic and offset reset");
        lags.forEach(l -> assertTrue(Integer.parseInt(l.lagThreshold()) > 0, "lagThreshold"));

        assertTrue(
                spec.triggers().stream().anyMatch(t -> t.type().equals("cpu") && "Utilization".equals(t.metricType())),
                service + " also scales on CPU");

        int fewestPartitions = config.incoming().stream()
                .mapToInt(in -> topic(manifests, in.topic()).getSpec().getPartitions())
                .min()
                .orElseThrow();
        assertTrue(
                spec.maxReplicaCount() <= fewestPartitions,
                "more replicas than partitions (" + fewestPartitions + ") would idle");
        assertTrue(spec.minReplicaCount() >= 1, "never to zero: the pods also serve REST");
    }

    static Container container(Manifests manifests, String service) {
        List<Container> containers = manifests
                .named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers();
        assertEquals(1, containers.size());
        assertEquals(service, containers.get(0).getName());
        return containers.get(0);
    }

    static ConfigMap configMap(Manifests manifests, String service) {
        List<EnvFromSource> envFrom = container(manifests, service).getEnvFrom();
        assertEquals(1, envFrom.size(), "one ConfigMap per service");
        return manifests.named(ConfigMap.class, envFrom.get(0).getConfigMapRef().getName());
    }

    static Map<String, String> labels(Manifests manifests, String service) {
        return manifests
                .named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
    }

    private static KafkaTopic topic(Manifests manifests, String name) {
        return manifests.all(KafkaTopic.class).stream()
                .filter(t -> t.getSpec().getTopicName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Names from env and from the ConfigMaps of envFrom, as the container will see them. */
    private static Set<String> variables(Manifests manifests, Container container) {
        Set<String> names = new TreeSet<>();
        container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        for (EnvFromSource source : container.getEnvFrom()) {
            names.addAll(manifests
                    .named(ConfigMap.class, source.getConfigMapRef().getName())
                    .getData()
                    .keySet());
        }
        return names;
    }

    private static String secretOf(Container container, String variable) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(variable))
                .findFirst()
                .orElseThrow(() -> new AssertionError(variable + " not set"))
                .getValueFrom()
                .getSecretKeyRef()
                .getName();
    }

    private static String passwordSecretOf(CnpgCluster cluster, String role) {
        CnpgCluster.InitDb initdb = cluster.spec().bootstrap().initdb();
        if (initdb.owner().equals(role)) {
            return initdb.secret().name();
        }
        return cluster.spec().managed().roles().stream()
                .filter(r -> r.name().equals(role))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no managed role " + role))
                .passwordSecret()
                .name();
    }

    private static void assertProbe(Probe probe, String path, String which) {
        assertNotNull(probe, which + " probe");
        assertEquals(path, probe.getHttpGet().getPath(), which + " probe path");
        assertEquals(new IntOrString("management"), probe.getHttpGet().getPort(), which + " probe port");
    }

    /** Quarkus durations as written in our manifests: "20s", "1m", or ISO-8601. */
    private static Duration quarkusDuration(String value) {
        assertNotNull(value, "QUARKUS_SHUTDOWN_TIMEOUT");
        return value.startsWith("P") ? Duration.parse(value) : Duration.parse("PT" + value.toUpperCase());
    }

    /**
     * The CNPG cluster behind a database host: its read-write Service ({@code <cluster>-rw}) or the Service of a
     * read-write Pooler of it (named as the Pooler).
     */
    static String databaseCluster(Manifests manifests, String host) {
        for (CnpgPooler pooler : manifests.all(CnpgPooler.class)) {
            if (pooler.metadata().getName().equals(host)) {
                assertEquals(CnpgPooler.Type.rw, pooler.spec().type(), host + " leads to the primary");
                return pooler.spec().cluster().name();
            }
        }
        assertTrue(host.endsWith("-rw"), host + " is a pooler or a cluster's rw Service");
        String cluster = host.substring(0, host.length() - "-rw".length());
        assertTrue(
                manifests.all(CnpgCluster.class).stream()
                        .anyMatch(c -> c.metadata().getName().equals(cluster)),
                host + " is the rw Service of a CNPG cluster");
        return cluster;
    }
}
