package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both overlays and both data tiers (k8s/data) render with the real kubectl kustomize, and every document reads into
 * its typed model.
 */
class OverlayRenderingTest {

    @Test
    void rendersWithARealKustomize() throws Exception {
        // kustomize 5 or newer: the overlays use `labels` with includeTemplates.
        String version = Repository.kubectl().version();
        assertTrue(version.matches("(?s).*Kustomize Version: v[5-9]\\..*"), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDocumentIsTypedAndEveryKindIsThere(String overlay) {
        Manifests manifests = Repository.overlay(overlay);

        Map<String, Long> kinds = manifests.documents().stream()
                .collect(Collectors.groupingBy(Manifests.Document::kind, Collectors.counting()));
        Map<String, Long> expected = new HashMap<>(Map.ofEntries(
                Map.entry("ConfigMap", 6L),
                Map.entry(
                        "Service",
                        6L), // each service's public one; publish's and notify's management ports for editorial
                Map.entry("Deployment", 4L),
                Map.entry("ServiceAccount", 4L),
                Map.entry("NetworkPolicy", 12L),
                Map.entry("PodMonitor", 4L),
                Map.entry("PrometheusRule", 1L),
                Map.entry("PodDisruptionBudget", 4L),
                Map.entry("HorizontalPodAutoscaler", 1L),
                Map.entry("ScaledObject", 3L),
                Map.entry("TriggerAuthentication", 1L),
                Map.entry("Kafka", 1L),
                Map.entry("KafkaNodePool", 2L),
                Map.entry("KafkaTopic", 8L),
                Map.entry("KafkaUser", 6L),
                Map.entry("Pooler", 1L),
                Map.entry("Gateway", 1L),
                Map.entry("HTTPRoute", 5L),
                Map.entry("Certificate", 1L)));
        if ("prod".equals(overlay)) {
            expected.put("ExternalSecret", 4L); // dev's Secrets come from k8s/create-secrets.sh
        }
        assertEquals(expected, kinds);

        // The typed models, not just the kinds: a wrong class would make these empty.
        for (Class<?> model : List.of(
                ConfigMap.class,
                Service.class,
                Deployment.class,
                ServiceAccount.class,
                NetworkPolicy.class,
                PodMonitor.class,
                PrometheusRule.class,
                PodDisruptionBudget.class,
                HorizontalPodAutoscaler.class,
                ScaledObject.class,
                TriggerAuthentication.class,
                Kafka.class,
                KafkaNodePool.class,
                KafkaTopic.class,
                KafkaUser.class,
                CnpgPooler.class,
                Gateway.class,
                HttpRoute.class,
                Certificate.class)) {
            assertTrue(!manifests.all(model).isEmpty(), model.getSimpleName() + " in " + overlay);
        }
    }

    /** The data tier (k8s/data/NAME): the PostgreSQL cluster, its databases and backups, prod's their Secrets too. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDataTierRendersTheClusterItsDatabasesAndBackups(String environment) {
        Manifests manifests = Repository.data(environment);

        Map<String, Long> kinds = manifests.documents().stream()
                .collect(Collectors.groupingBy(Manifests.Document::kind, Collectors.counting()));
        Map<String, Long> expected = new HashMap<>(Map.of(
                "Cluster", 1L,
                "Database", 4L,
                "ScheduledBackup", 1L,
                "ObjectStore", 1L));
        if ("prod".equals(environment)) {
            expected.put("ExternalSecret", 5L); // the four database logins and the backups' keys
        }
        assertEquals(expected, kinds);
        for (Class<?> model :
                List.of(CnpgCluster.class, CnpgDatabase.class, CnpgScheduledBackup.class, BarmanObjectStore.class)) {
            assertTrue(!manifests.all(model).isEmpty(), model.getSimpleName() + " in k8s/data/" + environment);
        }
    }

    /** `kubectl delete -k` of an overlay deletes what it renders: the namespace, and its volumes, must not be in it. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theNamespaceIsNotInTheOverlayNorInTheDataTier(String overlay) {
        assertTrue(
                Repository.overlay(overlay).documents().stream()
                        .noneMatch(d -> d.kind().equals("Namespace")),
                "Namespace in " + overlay);
        assertTrue(
                Repository.data(overlay).documents().stream()
                        .noneMatch(d -> d.kind().equals("Namespace")),
                "Namespace in k8s/data/" + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingLandsInTheOverlaysNamespace(String overlay) throws IOException {
        Manifests manifests = Repository.overlay(overlay);
        String namespace = manifests.namespace();

        assertEquals("dev".equals(overlay) ? "newsroom-dev" : "newsroom", namespace);
        assertEquals(namespace, Repository.namespace(namespace).getMetadata().getName(), "k8s/namespaces/");
        manifests
                .all(Deployment.class)
                .forEach(d -> assertEquals(namespace, d.getMetadata().getNamespace()));
        manifests
                .all(KafkaTopic.class)
                .forEach(t -> assertEquals(namespace, t.getMetadata().getNamespace()));
        manifests
                .all(ScaledObject.class)
                .forEach(s -> assertEquals(namespace, s.metadata().getNamespace()));
        // The data tier's objects are records, not HasMetadata: read the namespace of every document of its stream.
        try (MappingIterator<JsonNode> documents =
                StrictMapper.YAML.readerFor(JsonNode.class).readValues(Repository.renderedData(overlay))) {
            for (JsonNode document : documents.readAll()) {
                assertEquals(
                        namespace,
                        document.path("metadata").path("namespace").asText(),
                        "k8s/data/" + overlay + ": " + document.path("kind").asText() + " "
                                + document.path("metadata").path("name").asText());
            }
        }
        Repository.data(overlay)
                .all(CnpgCluster.class)
                .forEach(c -> assertEquals(namespace, c.metadata().getNamespace()));
    }
}
