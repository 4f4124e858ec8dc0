package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.deploycheck.NetworkPolicies.Pod;
import org.newsroom.deploycheck.NetworkPolicies.Port;

/**
 * The namespace is closed by default and each flow the system needs is open, and no more: the services reach their
 * own database cluster and the Kafka listener, the gateway reaches only the public ports, Prometheus the management
 * ports, the operators their pods. Pods meet Pod Security "restricted" and run as their own ServiceAccount.
 */
class IsolationTest {

    /** The gateway's namespace, labelled as k8s/README.md asks; and a namespace that is not. */
    private static final Pod GATEWAY = new Pod(
            "gateway",
            Map.of("kubernetes.io/metadata.name", "gateway", "newsroom.io/gateway", "true"),
            Map.of("app", "any-proxy"));

    private static final Pod ELSEWHERE = Pod.in("elsewhere", Map.of("app", "any-proxy"));
    private static final Pod PROMETHEUS = Pod.in("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Pod CNPG_OPERATOR = Pod.in("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
    private static final Pod STRIMZI_OPERATOR =
            Pod.in("strimzi", Map.of("name", "strimzi-cluster-operator", "strimzi.io/kind", "cluster-operator"));
    private static final Set<String> PRIVATE_RANGES =
            Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");

    static Stream<Arguments> overlaysAndServices() {
        return ServiceWiringTest.overlaysAndServices();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingIsDeniedUnlessAllowedAndEveryPodResolvesNames(String overlay) {
        List<NetworkPolicy> everyPod = Repository.overlay(overlay).all(NetworkPolicy.class).stream()
                .filter(p -> Selectors.selectsEverything(p.getSpec().getPodSelector()))
                .toList();

        assertTrue(
                everyPod.stream()
                        .anyMatch(p -> p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                                && p.getSpec().getIngress().isEmpty()
                                && p.getSpec().getEgress().isEmpty()),
                "a default-deny policy for ingress and egress");
        NetworkPolicies policies = new NetworkPolicies(Repository.overlay(overlay));
        Pod dns = Pod.in("kube-system", Map.of("k8s-app", "kube-dns"));
        Map<String, String> anyPod = Map.of("app.kubernetes.io/name", "anything");
        assertTrue(policies.egress(anyPod, dns, new Port(53, null, "UDP")), "DNS over UDP");
        assertTrue(policies.egress(anyPod, dns, Port.tcp(53)), "DNS over TCP");
        assertFalse(policies.egress(anyPod, dns, Port.tcp(443)), "kube-dns on 53 only");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void theGatewayReachesThePublicPortAndPrometheusTheManagementPortOnly(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifests);
        Map<String, String> pods = ServiceWiringTest.labels(manifests, service);
        Port http = port(manifests, service, "http");
        Port management = port(manifests, service, "management");

        assertFalse(
                policies.applyingTo(pods).stream()
                        .filter(p -> !Selectors.selectsEverything(p.getSpec().getPodSelector()))
                        .toList()
                        .isEmpty(),
                "an allow policy of its own selects the pods");
        assertTrue(policies.ingress(pods, GATEWAY, http), "gateway -> http");
        assertTrue(policies.ingress(pods, PROMETHEUS, management), "Prometheus -> management");
        assertFalse(policies.ingress(pods, GATEWAY, management), "gateway -/-> management");
        assertFalse(policies.ingress(pods, ELSEWHERE, http), "an unlabelled namespace -/-> http");
        assertFalse(
                policies.ingress(pods, policies.here(Map.of("app.kubernetes.io/name", "x")), http),
                "other pods of the namespace -/-> http");
    }

    /** The desk's previews: editorial, and no other service, reaches publish's and notify's management port. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void editorialReachesTheRenderersManagementPortForThePreviews(String overlay) {
        Manifests manifests = Repository.environment(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifests);
        Map<String, String> editorial = ServiceWiringTest.labels(manifests, "editorial-service");
        for (String renderer : List.of("publish-service", "notify-service")) {
            Map<String, String> pods = ServiceWiringTest.labels(manifests, renderer);
            Port management = port(manifests, renderer, "management");
            assertTrue(policies.egress(editorial, policies.here(pods), management), "editorial -> " + renderer);
            assertTrue(policies.ingress(pods, policies.here(editorial), management), renderer + " <- editorial");
            for (String other : List.of("ingest-service", "publish-service", "notify-service")) {
                if (!other.equals(renderer)) {
                    Map<String, String> others = ServiceWiringTest.labels(manifests, other);
                    assertFalse(
                            policies.ingress(pods, policies.here(others), management),
                            renderer + " management <- " + other);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void reachesItsOwnDatabaseClusterAndNoOther(String overlay, String service) {
        Manifests manifests = Repository.environment(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifests);
        Map<String, String> pods = ServiceWiringTest.labels(manifests, service);
        String host = ServiceWiringTest.configMap(manifests, service).getData().get("NEWSROOM_DB_HOST");
        Port postgres = Port.tcp(Integer.parseInt(
                ServiceWiringTest.configMap(manifests, service).getData().get("NEWSROOM_DB_PORT")));
        String own = ServiceWiringTest.databaseCluster(manifests, host);
        Map<String, String> hostPods = manifests.all(CnpgPooler.class).stream()
                .filter(p -> p.metadata().getName().equals(host))
                .findFirst()
                .map(p -> Map.of("cnpg.io/poolerName", host))
                .orElse(postgresInstance(own));

        assertTrue(policies.egress(pods, policies.here(hostPods), postgres), service + " -> " + host);
        assertTrue(policies.ingress(hostPods, policies.here(pods), postgres), host + " <- " + service);
        if (!hostPods.equals(postgresInstance(own))) {
            assertTrue(policies.egress(hostPods, policies.here(postgresInstance(own)), postgres), host + " -> " + own);
            assertTrue(policies.ingress(postgresInstance(own), policies.here(hostPods), postgres), own + " <- " + host);
        }
        // Every rule that opens the PostgreSQL port names pods of its own cluster or of its pooler, never another
        // cluster's or any address.
        Set<String> poolers = manifests.all(CnpgPooler.class).stream()
                .filter(p -> p.spec().cluster().name().equals(own))
                .map(p -> p.metadata().getName())
                .collect(Collectors.toSet());
        for (NetworkPolicyEgressRule rule : policies.egressRulesFor(pods, postgres)) {
            assertFalse(rule.getTo() == null || rule.getTo().isEmpty(), "5432 to anywhere");
            for (NetworkPolicyPeer peer : rule.getTo()) {
                if (peer.getIpBlock() != null) {
                    fail("5432 to an ipBlock " + peer.getIpBlock().getCidr());
                }
                Map<String, String> labels = peer.getPodSelector().getMatchLabels();
                assertTrue(
                        own.equals(labels.get("cnpg.io/cluster")) || poolers.contains(labels.get("cnpg.io/poolerName")),
                        "the PostgreSQL port only towards its own cluster or its pooler: " + labels);
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void reachesTheKafkaListenerItUses(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifests);
        Map<String, String> pods = ServiceWiringTest.labels(manifests, service);
        Kafka kafka = manifests.all(Kafka.class).get(0);
        String bootstrap =
                ServiceWiringTest.configMap(manifests, service).getData().get("KAFKA_BOOTSTRAP_SERVERS");
        Port listener = Port.tcp(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1)));
        assertTrue(
                kafka.getSpec().getKafka().getListeners().stream().anyMatch(l -> l.getPort() == listener.number()),
                "a listener on " + listener.number());

        Map<String, String> node = kafkaNode(kafka.getMetadata().getName());
        assertTrue(policies.egress(pods, policies.here(node), listener), service + " -> Kafka");
        assertTrue(policies.ingress(node, policies.here(pods), listener), "Kafka <- " + service);
        assertFalse(policies.ingress(node, policies.here(pods), Port.tcp(9091)), "not the replication port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOperatorsReachTheirPodsAndPrometheusTheirMetrics(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifests);
        Map<String, String> instance = postgresInstance(Repository.data(overlay)
                .all(CnpgCluster.class)
                .get(0)
                .metadata()
                .getName());
        String kafkaName = manifests.all(Kafka.class).get(0).getMetadata().getName();
        Map<String, String> node = kafkaNode(kafkaName);
        Map<String, String> exporter = Map.of(
                "strimzi.io/cluster",
                kafkaName,
                "strimzi.io/kind",
                "Kafka",
                "strimzi.io/name",
                kafkaName + "-kafka-exporter");

        assertTrue(policies.ingress(instance, CNPG_OPERATOR, Port.tcp(8000)), "CNPG operator -> status port");
        assertTrue(policies.ingress(instance, CNPG_OPERATOR, Port.tcp(5432)), "CNPG operator -> 5432");
        assertTrue(policies.ingress(instance, policies.here(instance), Port.tcp(5432)), "replication");
        assertTrue(policies.egress(instance, policies.here(instance), Port.tcp(5432)), "replication");
        assertTrue(policies.ingress(instance, PROMETHEUS, Port.tcp(9187)), "Prometheus -> CNPG metrics");
        for (int port : List.of(9090, 9091)) {
            assertTrue(policies.ingress(node, STRIMZI_OPERATOR, Port.tcp(port)), "Strimzi operator -> " + port);
            assertTrue(policies.ingress(node, policies.here(node), Port.tcp(port)), "Kafka nodes <-> " + port);
            assertTrue(policies.egress(node, policies.here(node), Port.tcp(port)), "Kafka nodes <-> " + port);
        }
        assertTrue(policies.ingress(node, PROMETHEUS, Port.tcp(9404)), "Prometheus -> Kafka metrics");
        assertTrue(policies.ingress(exporter, PROMETHEUS, Port.tcp(9404)), "Prometheus -> Kafka Exporter");
        assertTrue(policies.egress(exporter, policies.here(node), Port.tcp(9091)), "Kafka Exporter -> Kafka");
        assertTrue(policies.ingress(node, policies.here(exporter), Port.tcp(9091)), "Kafka <- Kafka Exporter");
        assertTrue(
                policies.ingress(node, Pod.in("keda", Map.of("app", "keda-operator")), Port.tcp(9093)),
                "KEDA reads consumer lag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void notifyReachesItsSmtpRelayAndHttpsAndIngestTheFeeds(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifests);
        Map<String, String> notify = ServiceWiringTest.labels(manifests, "notify-service");
        Map<String, String> ingest = ServiceWiringTest.labels(manifests, "ingest-service");
        Port smtp = Port.tcp(Integer.parseInt(ServiceWiringTest.configMap(manifests, "notify-service")
                .getData()
                .get("NEWSROOM_SMTP_PORT")));

        if ("dev".equals(overlay)) {
            assertTrue(
                    policies.egress(notify, policies.here(Map.of("app.kubernetes.io/name", "mailpit")), smtp),
                    "dev: notify -> Mailpit");
        } else {
            assertTrue(internet(policies, notify, smtp), "notify -> SMTP relay on " + smtp.number());
        }
        assertTrue(internet(policies, notify, Port.tcp(443)), "notify -> webhooks");
        assertTrue(internet(policies, ingest, Port.tcp(80)), "ingest -> feeds over HTTP");
        assertTrue(internet(policies, ingest, Port.tcp(443)), "ingest -> feeds over HTTPS");
        // editorial fetches the identity provider's key set in prod only (SecretsTest); publish never goes out.
        List<String> offline =
                "prod".equals(overlay) ? List.of("publish-service") : List.of("editorial-service", "publish-service");
        for (String other : offline) {
            assertFalse(
                    internet(policies, ServiceWiringTest.labels(manifests, other), Port.tcp(443)),
                    other + " has no business on the internet");
        }
        if ("prod".equals(overlay)) {
            Map<String, String> editorial = ServiceWiringTest.labels(manifests, "editorial-service");
            assertFalse(internet(policies, editorial, Port.tcp(80)), "editorial: HTTPS only, for the key set");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theNamespaceEnforcesPodSecurityRestricted(String overlay) {
        Namespace namespace = Repository.namespace(Repository.overlay(overlay).namespace());
        for (String mode : List.of("enforce", "audit", "warn")) {
            assertEquals(
                    "restricted", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/" + mode), mode);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void podsMeetTheRestrictedProfileAndRunAsTheirOwnServiceAccount(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        PodSpec pod = manifests
                .named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec();
        Container container = ServiceWiringTest.container(manifests, service);

        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), "runAsNonRoot");
        assertEquals(
                "RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), "seccomp");
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        Capabilities capabilities = container.getSecurityContext().getCapabilities();
        assertEquals(List.of("ALL"), capabilities.getDrop(), "drops all capabilities");
        assertTrue(capabilities.getAdd() == null || capabilities.getAdd().isEmpty(), "adds none");
        assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()));
        pod.getVolumes()
                .forEach(v -> assertTrue(
                        v.getEmptyDir() != null || v.getSecret() != null || v.getConfigMap() != null, v.getName()));

        assertEquals(service, pod.getServiceAccountName(), "its own ServiceAccount");
        ServiceAccount account = manifests.named(ServiceAccount.class, service);
        assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken(), "no token on the account");
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), "no token in the pod");
        assertEquals(
                1,
                manifests.all(Deployment.class).stream()
                        .filter(d -> service.equals(
                                d.getSpec().getTemplate().getSpec().getServiceAccountName()))
                        .count(),
                "shared with no other Deployment");
    }

    /** Whether a pod may reach a public address on that port (an ipBlock of 0.0.0.0/0 minus the private ranges). */
    static boolean internet(NetworkPolicies policies, Map<String, String> from, Port port) {
        return policies.egressRulesFor(from, port).stream()
                .flatMap(r -> r.getTo() == null ? Stream.<NetworkPolicyPeer>empty() : r.getTo().stream())
                .map(NetworkPolicyPeer::getIpBlock)
                .filter(Objects::nonNull)
                .anyMatch(IsolationTest::publicOnly);
    }

    private static boolean publicOnly(IPBlock block) {
        return "0.0.0.0/0".equals(block.getCidr()) && block.getExcept().containsAll(PRIVATE_RANGES);
    }

    private static Port port(Manifests manifests, String service, String name) {
        ContainerPort port = ServiceWiringTest.container(manifests, service).getPorts().stream()
                .filter(p -> name.equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no port " + name));
        return new Port(port.getContainerPort(), name, port.getProtocol());
    }

    /** The labels CloudNativePG puts on the instance pods of a cluster. */
    static Map<String, String> postgresInstance(String cluster) {
        return Map.of("cnpg.io/cluster", cluster, "cnpg.io/podRole", "instance");
    }

    /** The labels Strimzi puts on the node pods of a Kafka cluster. */
    static Map<String, String> kafkaNode(String cluster) {
        return Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka");
    }
}
