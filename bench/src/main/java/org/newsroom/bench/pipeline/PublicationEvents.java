package org.newsroom.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroom.bench.Latencies;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.testing.Broker;

/**
 * Approve → {@code news.publication.published.v1}, as a downstream consumer sees it: every partition of the
 * publications topic read from its end (assigned, no group to join), on a thread of its own; an event counts when
 * the poll that brings it returns.
 */
final class PublicationEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Intended approval time (System.nanoTime) of each story still awaited. */
    private final Map<UUID, Long> awaited = new ConcurrentHashMap<>();

    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread = new Thread(this::consume, "publication-events");
    private volatile Latencies latencies = new Latencies();
    private volatile boolean closed;

    PublicationEvents() throws InterruptedException {
        thread.setDaemon(true);
        thread.start();
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not read " + Topics.PUBLICATIONS + " within 60 s");
        }
    }

    /** From now on, the publication of {@code story} is awaited, its latency from {@code intended} recorded. */
    void expect(UUID story, long intended) {
        awaited.put(story, intended);
    }

    /** Records the following latencies there. */
    void recordInto(Latencies latencies) {
        this.latencies = latencies;
    }

    /**
     * Waits until every story expected has been published, or until {@code deadline}, or until only {@code lost}
     * ones are left (stories that cannot be published); returns those that were not.
     */
    Set<UUID> await(long deadline, Predicate<UUID> lost) throws InterruptedException {
        while (!awaited.keySet().stream().allMatch(lost) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Set<UUID> missing = Set.copyOf(awaited.keySet());
        awaited.clear();
        return missing;
    }

    private void consume() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PUBLICATIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!closed) {
                var records = consumer.poll(Duration.ofMillis(100));
                long arrived = System.nanoTime();
                records.forEach(record -> arrived(record, arrived));
            }
        }
    }

    private void arrived(ConsumerRecord<String, String> record, long arrived) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null
                || !EventType.PUBLICATION_PUBLISHED.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        try {
            JsonNode storyId = JSON.readTree(record.value()).get("storyId");
            Long intended = storyId == null ? null : awaited.remove(UUID.fromString(storyId.asText()));
            if (intended != null) {
                latencies.record(arrived - intended);
            }
        } catch (Exception notOurs) {
            // another producer's record on the shared topic
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(5000);
    }
}
