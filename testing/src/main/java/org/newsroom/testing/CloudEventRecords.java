package org.newsroom.testing;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to the real broker as an upstream service would: binary-mode CloudEvents, or raw poison. */
public final class CloudEventRecords implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    public CloudEventRecords() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** Sends a CloudEvent with the given id; sending the same id twice simulates an at-least-once redelivery. */
    public void send(String topic, String key, String eventId, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(eventId))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("urn:newsroom:test"))
                .add("content-type", bytes("application/json"));
        await(record);
    }

    public String send(String topic, String key, String type, String json) {
        String id = UUID.randomUUID().toString();
        send(topic, key, id, type, json);
        return id;
    }

    /** Sends a record without CloudEvents headers, as a broken producer would. */
    public void sendRaw(String topic, String key, String value) {
        await(new ProducerRecord<>(topic, key, value));
    }

    private void await(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Broker did not acknowledge a test record", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
