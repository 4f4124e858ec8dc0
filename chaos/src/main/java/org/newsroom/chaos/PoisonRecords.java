package org.newsroom.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.events.Topics;

/**
 * Records no consumer can ever process, written straight to every topic as a broken producer would. Their keys start
 * with {@link #KEY_PREFIX}, so the reconciliation tells them apart from valid events in a dead-letter topic.
 */
final class PoisonRecords {
    static final String KEY_PREFIX = "poison-";
    static final int PER_TOPIC = 4;

    /** A valid type per topic, so that a record with it fails on its payload, not on its type. */
    private static final Map<String, String> TYPES = Map.of(
            Topics.ITEMS, "news.item.ingested.v1",
            Topics.EDITORIAL, "news.story.approved.v1",
            Topics.PUBLICATIONS, "news.publication.published.v1",
            Topics.DELIVERIES, "news.delivery.sent.v1");

    private PoisonRecords() {}

    /** Four per topic: no CloudEvents headers, bad JSON, a required field missing, an unknown type. */
    static void send(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String topic : Topics.PIPELINE) {
                String type = TYPES.get(topic);
                send(producer, new ProducerRecord<>(topic, KEY_PREFIX + "not-cloudevents", "just some text"));
                send(producer, cloudEvent(topic, "bad-json", type, "{\"headline\": \"unterminated"));
                send(producer, cloudEvent(topic, "missing-field", type, "{}"));
                send(producer, cloudEvent(topic, "unknown-type", "news.nothing.happened.v1", "{}"));
            }
        }
    }

    private static ProducerRecord<String, String> cloudEvent(String topic, String kind, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, KEY_PREFIX + kind, json);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(KEY_PREFIX + kind + "-" + UUID.randomUUID()))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("urn:newsroom:chaos"))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record)
            throws Exception {
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
