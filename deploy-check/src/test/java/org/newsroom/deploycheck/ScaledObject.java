package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.util.List;
import java.util.Map;

/**
 * KEDA's {@code keda.sh/v1alpha1 ScaledObject}, reduced to the fields our manifests use: KEDA ships
 * no Java model on Maven Central. A field that is valid for KEDA but missing here fails the check
 * too; add it here when a manifest starts using it.
 */
record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(
            ScaleTargetRef scaleTargetRef,
            Integer minReplicaCount,
            Integer maxReplicaCount,
            Integer pollingInterval,
            Advanced advanced,
            List<Trigger> triggers) {}

    record ScaleTargetRef(String apiVersion, String kind, String name) {}

    record Advanced(HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig) {}

    record HorizontalPodAutoscalerConfig(HorizontalPodAutoscalerBehavior behavior) {}

    /**
     * KEDA types a trigger's metadata as a map of strings whose keys depend on the scaler, so the
     * map is read again into the record of its scaler ({@link KafkaLag}, {@link Cpu}): a misspelt
     * key such as {@code consumerGroupe} would otherwise be ignored by KEDA, not rejected.
     */
    record Trigger(String type, String metricType, AuthenticationRef authenticationRef, Map<String, String> metadata) {

        KafkaLag kafka() {
            return as("kafka", KafkaLag.class);
        }

        Cpu cpu() {
            return as("cpu", Cpu.class);
        }

        /** Reads the metadata into its scaler's record; fails for a scaler we have no record for. */
        Object typedMetadata() {
            return switch (type) {
                case "kafka" -> kafka();
                case "cpu" -> cpu();
                default -> throw new IllegalArgumentException("no typed model for KEDA trigger type " + type);
            };
        }

        private <T> T as(String expectedType, Class<T> model) {
            if (!expectedType.equals(type)) {
                throw new IllegalStateException("trigger is " + type + ", not " + expectedType);
            }
            return StrictMapper.YAML.convertValue(metadata, model);
        }
    }

    /** A TriggerAuthentication in the same namespace. */
    record AuthenticationRef(String name) {}

    /** The Apache Kafka scaler: lag of a consumer group on a topic. */
    record KafkaLag(
            String bootstrapServers,
            String consumerGroup,
            String topic,
            String lagThreshold,
            String offsetResetPolicy) {}

    /** The CPU scaler; {@code metricType} sits on the trigger itself. */
    record Cpu(String value) {}
}
