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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both overlays validate, and a copy of the dev render with one mistake each does not: the validator names the
 * object and the field.
 */
class RenderValidationTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRenderedOverlayIsValid(String overlay) {
        assertEquals(List.of(), RenderValidation.problems(Repository.rendered(overlay)));
    }

    @Test
    void aDlqTopicWithoutPartitions() throws IOException {
        refused("KafkaTopic", "news-items-dlq", o -> spec(o).put("partitions", 0), "news-items-dlq", "spec.partitions");
    }

    @Test
    void aTopicWithoutReplicas() throws IOException {
        refused(
                "KafkaTopic",
                "news-editorial-dlq",
                o -> spec(o).put("replicas", 0),
                "news-editorial-dlq",
                "spec.replicas");
    }

    @Test
    void aMisspeltCnpgUpdateStrategy() throws IOException {
        refused(
                "Cluster",
                "newsroom-pg",
                o -> spec(o).put("primaryUpdateStrategy", "unsupervized"),
                "newsroom-pg",
                "unsupervized");
    }

    @Test
    void aMisspeltCnpgAntiAffinityType() throws IOException {
        refused(
                "Cluster",
                "newsroom-pg",
                o -> ((ObjectNode) spec(o).path("affinity")).put("podAntiAffinityType", "presnt"),
                "newsroom-pg",
                "presnt");
    }

    @Test
    void aMisspeltPgBouncerPoolMode() throws IOException {
        refused(
                "Pooler",
                "newsroom-pg-pooler-rw",
                o -> ((ObjectNode) spec(o).path("pgbouncer")).put("poolMode", "transactoin"),
                "newsroom-pg-pooler-rw",
                "transactoin");
    }

    @Test
    void aDeploymentSelectorThatMissesItsPods() throws IOException {
        refused(
                "Deployment",
                "editorial-service",
                o -> ((ObjectNode) spec(o).path("selector").path("matchLabels"))
                        .put("app.kubernetes.io/name", "editorial"),
                "Deployment editorial-service",
                "spec.selector");
    }

    @Test
    void aContainerWithoutImage() throws IOException {
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
    void aServicePortOutOfRange() throws IOException {
        refused(
                "Service",
                "publish-service",
                o -> ((ObjectNode) spec(o).path("ports").get(0)).put("port", 70000),
                "Service publish-service",
                "port");
    }

    @Test
    void anHttpRouteToAPortTheServiceDoesNotHave() throws IOException {
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
    void aScaledObjectForAMissingDeployment() throws IOException {
        refused(
                "ScaledObject",
                "notify-service",
                o -> ((ObjectNode) spec(o).path("scaleTargetRef")).put("name", "notify"),
                "ScaledObject notify-service",
                "scaleTargetRef");
    }

    @Test
    void anUnknownFieldInAKafkaSpec() throws IOException {
        refused(
                "Kafka",
                "newsroom",
                o -> ((ObjectNode) spec(o).path("kafka")).put("replica", 3),
                "newsroom",
                "\"replica\"");
    }

    @Test
    void anUnknownFieldInAPodMonitor() throws IOException {
        refused(
                "PodMonitor",
                "newsroom-services",
                o -> spec(o).put("namespaceSelektor", "any"),
                "newsroom-services",
                "\"namespaceSelektor\"");
    }

    private static ObjectNode spec(ObjectNode object) {
        return (ObjectNode) object.path("spec");
    }

    /** Applies the mistake to one object of a copy of the dev render and expects a problem naming it. */
    private static void refused(String kind, String name, Consumer<ObjectNode> mistake, String object, String field)
            throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> nodes = YAML.readerFor(JsonNode.class).readValues(Repository.rendered("dev"))) {
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
        assertEquals(1, targets.size(), kind + " " + name + " in the dev render");
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
