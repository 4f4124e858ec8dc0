package org.newsroom.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A rendered overlay, every document read into the typed model of its apiVersion and kind. A kind
 * without a model here fails the read: nothing reaches a cluster unchecked.
 */
final class Manifests {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("keda.sh/v1alpha1/ScaledObject", ScaledObject.class),
            Map.entry("keda.sh/v1alpha1/TriggerAuthentication", TriggerAuthentication.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CnpgCluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", CnpgDatabase.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CnpgScheduledBackup.class),
            Map.entry("postgresql.cnpg.io/v1/Pooler", CnpgPooler.class),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", BarmanObjectStore.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HttpRoute.class),
            Map.entry("cert-manager.io/v1/Certificate", Certificate.class),
            Map.entry("external-secrets.io/v1/ExternalSecret", ExternalSecret.class));

    /** The {@code apiVersion/kind} of every kind a render may hold. */
    static Set<String> kinds() {
        return MODELS.keySet();
    }

    /** One document: its kind and name as written, and the model it was read into. */
    record Document(String kind, String name, Object model) {}

    private final List<Document> documents;

    private Manifests(List<Document> documents) {
        this.documents = documents;
    }

    /** Reads a multi-document YAML stream, as {@code kubectl kustomize} prints it. */
    static Manifests parse(String yaml) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> nodes =
                StrictMapper.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (nodes.hasNext()) {
                JsonNode node = nodes.next();
                if (node == null || node.isEmpty()) {
                    continue;
                }
                documents.add(read(node));
            }
        }
        return new Manifests(documents);
    }

    private static Document read(JsonNode node) throws IOException {
        String kind = node.path("kind").asText();
        String name = node.path("metadata").path("name").asText();
        String key = node.path("apiVersion").asText() + "/" + kind;
        Class<?> model = MODELS.get(key);
        if (model == null) {
            throw new IllegalArgumentException("no typed model for " + key + " (" + name + "): add one to Manifests");
        }
        try {
            Object typed = StrictMapper.YAML.treeToValue(node, model);
            if (typed instanceof ScaledObject scaledObject) {
                scaledObject.spec().triggers().forEach(ScaledObject.Trigger::typedMetadata);
            }
            return new Document(kind, name, typed);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + name + ": " + e.getMessage(), e);
        }
    }

    List<Document> documents() {
        return documents;
    }

    /** The one namespace every namespaced document of the overlay lands in. */
    String namespace() {
        List<String> namespaces = all(HasMetadata.class).stream()
                .map(m -> m.getMetadata().getNamespace())
                .distinct()
                .toList();
        if (namespaces.size() != 1) {
            throw new IllegalStateException("one namespace expected, found " + namespaces);
        }
        return namespaces.get(0);
    }

    <T> List<T> all(Class<T> type) {
        return documents.stream()
                .map(Document::model)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    <T> T named(Class<T> type, String name) {
        return documents.stream()
                .filter(d -> type.isInstance(d.model()) && d.name().equals(name))
                .map(d -> type.cast(d.model()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + type.getSimpleName() + " named " + name));
    }
}
