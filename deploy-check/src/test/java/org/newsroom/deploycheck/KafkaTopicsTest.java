package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.events.Topics;

/**
 * The topics of {@link Topics} (docs/architecture.md, "2. Topics and events") and their dead-letter topics, as
 * KafkaTopic resources of every overlay: the pipeline topics with 6 partitions each.
 */
class KafkaTopicsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPipelineTopicAndItsDeadLetterTopicExists(String overlay) {
        Map<String, KafkaTopic> topics = Repository.overlay(overlay).all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));

        assertEquals(new TreeSet<>(Topics.ALL), new TreeSet<>(topics.keySet()));
        Topics.PIPELINE.forEach(t -> assertEquals(6, topics.get(t).getSpec().getPartitions(), t));
        topics.values()
                .forEach(t -> assertTrue(
                        t.getSpec().getConfig().containsKey("retention.ms"),
                        t.getSpec().getTopicName() + " sets its retention"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicsFitTheBrokersAndUseRealTopicSettings(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        int brokers = manifests.all(KafkaNodePool.class).get(0).getSpec().getReplicas();
        Set<String> topicConfigs = topicConfigNames();

        for (KafkaTopic topic : manifests.all(KafkaTopic.class)) {
            String name = topic.getSpec().getTopicName();
            assertTrue(topic.getSpec().getReplicas() <= brokers, name + ": more replicas than brokers");
            int minIsr =
                    Integer.parseInt(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")));
            assertTrue(minIsr <= topic.getSpec().getReplicas(), name + ": min.insync.replicas above replicas");
            assertTrue(
                    topic.getSpec().getReplicas() == 1
                            || minIsr < topic.getSpec().getReplicas(),
                    name + ": one broker down would stop acks=all writes");
            for (String key : topic.getSpec().getConfig().keySet()) {
                assertTrue(topicConfigs.contains(key), name + ": " + key + " is no Kafka topic setting");
            }
        }
    }

    /** Kafka's own list: every {@code *_CONFIG} constant of {@link TopicConfig}. */
    private static Set<String> topicConfigNames() {
        return Arrays.stream(TopicConfig.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_CONFIG"))
                .map(KafkaTopicsTest::constant)
                .collect(Collectors.toSet());
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
