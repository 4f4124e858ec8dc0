package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both environments (data tier and overlay) validate, and a copy of dev's renders with one mistake each does not: the
 * validator names the object and the field.
 */
class RenderValidationTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** The data tier and the overlay, as one stream: every object against its schema, and the references between. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRenderedEnvironmentIsValid(String environment) throws IOException, InterruptedException {
        assertEquals(List.of(), RenderValidation.problems(Repository.renderedEnvironment(environment)));
    }

    /** The overlay alone names a PostgreSQL cluster it does not render: the check reads the data tier too. */
    @Test
    void theOverlayWithoutItsDataTierNamesAClusterItDoesNotHave() throws IOException, InterruptedException {
        List<String> problems = RenderValidation.problems(Repository.rendered("dev"));
        assertTrue(
                problems.contains("Pooler newsroom-pg-pooler-rw: spec.cluster.name newsroom-pg is no rendered Cluster"),
                problems.toString());
        assertTrue(
                problems.contains(
                        "NetworkPolicy postgres-instances: cnpg.io/cluster newsroom-pg is no rendered Cluster"),
                problems.toString());
    }

    @Test
    void aDatabasePolicyForAClusterThatIsNotRendered() throws IOException, InterruptedException {
        refused(
                "NetworkPolicy",
                "postgres-instances",
                o -> ((ObjectNode) o.path("spec").path("podSelector").path("matchLabels"))
                        .put("cnpg.io/cluster", "newsroom-postgres"),
                "postgres-instances",
                "cnpg.io/cluster newsroom-postgres");
    }

    @Test
    void aScheduledBackupOfAClusterThatIsNotRendered() throws IOException, InterruptedException {
        refused(
                "ScheduledBackup",
                "newsroom-pg-daily",
                o -> ((ObjectNode) spec(o).path("cluster")).put("name", "newsroom-postgres"),
                "newsroom-pg-daily",
                "spec.cluster.name newsroom-postgres");
    }

    @Test
    void aDlqTopicWithoutPartitions() throws IOException, InterruptedException {
        refused("KafkaTopic", "news-items-dlq", o -> spec(o).put("partitions", 0), "news-items-dlq", "spec.partitions");
    }

    @Test
    void aTopicWithoutReplicas() throws IOException, InterruptedException {
        refused(
                "KafkaTopic",
                "news-editorial-dlq",
                o -> spec(o).put("replicas", 0),
                "news-editorial-dlq",
                "spec.replicas");
    }

    @Test
    void aMisspeltCnpgUpdateStrategy() throws IOException, InterruptedException {
        refused(
                "Cluster",
                "newsroom-pg",
                o -> spec(o).put("primaryUpdateStrategy", "unsupervized"),
                "newsroom-pg",
                "unsupervized");
    }

    @Test
    void aMisspeltCnpgAntiAffinityType() throws IOException, InterruptedException {
        refused(
                "Cluster",
                "newsroom-pg",
                o -> ((ObjectNode) spec(o).path("affinity")).put("podAntiAffinityType", "presnt"),
                "newsroom-pg",
                "presnt");
    }

    @Test
    void aMisspeltPgBouncerPoolMode() throws IOException, InterruptedException {
        refused(
                "Pooler",
                "newsroom-pg-pooler-rw",
                o -> ((ObjectNode) spec(o).path("pgbouncer")).put("poolMode", "transactoin"),
                "newsroom-pg-pooler-rw",
                "transactoin");
    }

    @Test
    void aMisspeltPoolerType() throws IOException, InterruptedException {
        refused("Pooler", "newsroom-pg-pooler-rw", o -> spec(o).put("type", "wr"), "newsroom-pg-pooler-rw", "wr");
    }

    @Test
    void aMisspeltBackupOwnerReference() throws IOException, InterruptedException {
        refused(
                "ScheduledBackup",
                "newsroom-pg-daily",
                o -> spec(o).put("backupOwnerReference", "owner"),
                "newsroom-pg-daily",
                "owner");
    }

    @Test
    void aNetworkPolicyForPodsThatDoNotExist() throws IOException, InterruptedException {
        refused(
                "NetworkPolicy",
                "ingest-service",
                o -> ((ObjectNode) spec(o).path("podSelector").path("matchLabels"))
                        .put("app.kubernetes.io/name", "ingest"),
                "NetworkPolicy ingest-service",
                "selects no pod");
    }

    @Test
    void aDisruptionBudgetForPodsThatDoNotExist() throws IOException, InterruptedException {
        refused(
                "PodDisruptionBudget",
                "ingest-service",
                o -> ((ObjectNode) spec(o).path("selector").path("matchLabels"))
                        .put("app.kubernetes.io/name", "ingest"),
                "PodDisruptionBudget ingest-service",
                "selects no pod");
    }

    @Test
    void aDeploymentSelectorThatMissesItsPods() throws IOException, InterruptedException {
        refused(
                "Deployment",
                "editorial-service",
                o -> ((ObjectNode) spec(o).path("selector").path("matchLabels"))
                        .put("app.kubernetes.io/name", "editorial"),
                "Deployment editorial-service",
                "spec.selector");
    }

    @Test
    void aContainerWithoutImage() throws IOException, InterruptedException {
        refused(
                "Deployment",
                "notify-service",
                o -> ((ObjectNode) spec(o).path("template")
                                .path("spec")
                                .path("containers")
                                .get(0))
                        .remove("image"),
                "Deployment notify-service",
                "no image");
    }

    @Test
    void aServicePortOutOfRange() throws IOException, InterruptedException {
        refused(
                "Service",
                "publish-service",
                o -> ((ObjectNode) spec(o).path("ports").get(0)).put("port", 70000),
                "Service publish-service",
                "port");
    }

    @Test
    void anHttpRouteToAPortTheServiceDoesNotHave() throws IOException, InterruptedException {
        refused(
                "HTTPRoute",
                "desk",
                o -> ((ObjectNode)
                                spec(o).path("rules").get(0).path("backendRefs").get(0))
                        .put("port", 9999),
                "HTTPRoute desk",
                "editorial-service:9999");
    }

    @Test
    void aScaledObjectForAMissingDeployment() throws IOException, InterruptedException {
        refused(
                "ScaledObject",
                "notify-service",
                o -> ((ObjectNode) spec(o).path("scaleTargetRef")).put("name", "notify"),
                "ScaledObject notify-service",
                "scaleTargetRef");
    }

    @Test
    void anUnknownFieldInAKafkaSpec() throws IOException, InterruptedException {
        refused(
                "Kafka",
                "newsroom",
                o -> ((ObjectNode) spec(o).path("kafka")).put("replica", 3),
                "newsroom",
                "\"replica\"");
    }

    @Test
    void anUnknownFieldInAPodMonitor() throws IOException, InterruptedException {
        refused(
                "PodMonitor",
                "newsroom-services",
                o -> spec(o).put("namespaceSelektor", "any"),
                "newsroom-services",
                "\"namespaceSelektor\"");
    }

    /** Every operator kind without a Java model of its own (Strimzi) or our enum-typed records (CNPG) has a schema. */
    @Test
    void everyOtherOperatorKindHasItsCrdSchema() throws IOException, InterruptedException {
        Set<String> typedOnly = Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "barmancloud.cnpg.io");
        Set<String> expected = Manifests.kinds().stream()
                .filter(k -> k.indexOf('.') > 0 && k.indexOf('.') < k.indexOf('/'))
                .filter(k -> !k.startsWith("networking.k8s.io/"))
                .filter(k -> typedOnly.stream().noneMatch(k::startsWith))
                .collect(Collectors.toSet());
        assertEquals(expected, Repository.crdSchemas().kinds());
    }

    // The operators' CRD schemas: types, ranges, patterns and required fields our records do not hold.

    @Test
    void anHttpRoutePortOutOfRange() throws IOException, InterruptedException {
        refused(
                "HTTPRoute",
                "news",
                o -> ((ObjectNode)
                                spec(o).path("rules").get(0).path("backendRefs").get(0))
                        .put("port", 70000),
                "HTTPRoute news",
                "backendRefs/0/port must be <= 65535");
    }

    @Test
    void aGatewayListenerOnPortZero() throws IOException, InterruptedException {
        refused(
                "Gateway",
                "newsroom",
                o -> ((ObjectNode) spec(o).path("listeners").get(0)).put("port", 0),
                "Gateway newsroom",
                "listeners/0/port must be >= 1");
    }

    @Test
    void aPodMonitorIntervalThatIsNoDuration() throws IOException, InterruptedException {
        refused(
                "PodMonitor",
                "newsroom-services",
                o -> ((ObjectNode) spec(o).path("podMetricsEndpoints").get(0)).put("interval", "30 s"),
                "PodMonitor newsroom-services",
                "podMetricsEndpoints/0/interval must match pattern");
    }

    @Test
    void anAlertWhoseForIsNoDuration() throws IOException, InterruptedException {
        refused(
                "PrometheusRule",
                "newsroom",
                o -> ((ObjectNode) spec(o).path("groups").get(0).path("rules").get(0)).put("for", "5 minutes"),
                "PrometheusRule newsroom",
                "rules/0/for must match pattern");
    }

    @Test
    void aCertificateWithoutItsSecret() throws IOException, InterruptedException {
        refused(
                "Certificate",
                "newsroom-tls",
                o -> spec(o).remove("secretName"),
                "Certificate newsroom-tls",
                "required property secretName");
    }

    @Test
    void aTriggerAuthenticationWithoutItsSecretKey() throws IOException, InterruptedException {
        refused(
                "TriggerAuthentication",
                "newsroom-kafka",
                o -> ((ObjectNode) spec(o).path("secretTargetRef").get(0)).remove("key"),
                "TriggerAuthentication newsroom-kafka",
                "secretTargetRef/0 must have required property key");
    }

    @Test
    void anExternalSecretWithoutItsRemoteKey() throws IOException, InterruptedException {
        refused(
                "prod",
                "ExternalSecret",
                "newsroom-smtp",
                o -> ((ObjectNode) spec(o).path("data").get(0).path("remoteRef")).remove("key"),
                "ExternalSecret newsroom-smtp",
                "remoteRef must have required property key");
    }

    private static ObjectNode spec(ObjectNode object) {
        return (ObjectNode) object.path("spec");
    }

    /** Applies the mistake to one object of a copy of dev's renders (data tier and overlay) and expects a problem naming it. */
    private static void refused(String kind, String name, Consumer<ObjectNode> mistake, String object, String field)
            throws IOException, InterruptedException {
        refused("dev", kind, name, mistake, object, field);
    }

    private static void refused(
            String overlay, String kind, String name, Consumer<ObjectNode> mistake, String object, String field)
            throws IOException, InterruptedException {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> nodes =
                YAML.readerFor(JsonNode.class).readValues(Repository.renderedEnvironment(overlay))) {
            while (nodes.hasNext()) {
                JsonNode node = nodes.next();
                if (node instanceof ObjectNode document) {
                    documents.add(document);
                }
            }
        }
        List<ObjectNode> targets = documents.stream()
                .filter(d -> d.path("kind").asText().equals(kind))
                .filter(d -> d.path("metadata").path("name").asText().equals(name))
                .toList();
        assertEquals(1, targets.size(), kind + " " + name + " in the " + overlay + " render");
        mistake.accept(targets.get(0));

        StringBuilder mutated = new StringBuilder();
        for (ObjectNode document : documents) {
            mutated.append(YAML.writeValueAsString(document));
        }
        List<String> problems = RenderValidation.problems(mutated.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(object) && p.contains(field)),
                "expected a problem naming " + object + " and " + field + ", got " + problems);
    }
}
