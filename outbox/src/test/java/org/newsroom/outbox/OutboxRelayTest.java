package org.newsroom.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay on the real broker and database, driven batch by batch: each row gets its own outcome, a row Kafka can
 * never accept is parked without holding up or duplicating the others, and one aggregate's events go out in order.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String topic;

    @BeforeEach
    void newTopic() throws Exception {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("DELETE FROM outbox_event")
                        .executeUpdate());
        topic = "outbox-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    @Test
    void oneOversizedRowAmongFiveHundredIsParkedAndTheOthersAreDeliveredExactlyOnce() {
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            written.add(write("story-" + i, i == 250 ? 1_500_000 : 200));
        }
        UUID oversized = written.get(250);

        drain();
        UUID sentinel = write("sentinel", 200);
        drain();

        List<ConsumerRecord<String, String>> received = readUntil(sentinel);
        Set<String> ids = new HashSet<>();
        received.forEach(record -> ids.add(ceId(record)));
        assertEquals(500, received.size(), "499 rows and the sentinel, each once");
        assertEquals(500, ids.size());
        assertTrue(!ids.contains(oversized.toString()), "the oversized row never reached Kafka");
        OutboxEvent parked = find(oversized);
        assertNotNull(parked.parkedAt);
        assertNull(parked.sentAt);
        assertTrue(parked.parkReason.startsWith("RecordTooLargeException"), parked.parkReason);
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL"));
        assertEquals(0L, count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL"));
    }

    @Test
    void aParkedRowRetriedAfterAFixIsSent() {
        UUID row = write("story-retry", 200);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "UPDATE outbox_event SET parked_at = now(), park_reason = 'test' WHERE id = ?1")
                        .setParameter(1, row)
                        .executeUpdate());
        drain();
        assertNull(find(row).sentAt, "a parked row stays where it is");

        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(OPERATIONS_RETRY)
                        .setParameter(1, row)
                        .executeUpdate());
        drain();

        assertNotNull(find(row).sentAt);
        assertEquals(
                List.of(row.toString()),
                readUntil(row).stream().map(OutboxRelayTest::ceId).toList());
    }

    /** The statement docs/operations.md gives ops for retrying a parked row. */
    private static final String OPERATIONS_RETRY =
            "UPDATE outbox_event SET parked_at = NULL, park_reason = NULL WHERE id = ?1";

    @Test
    void aRowWaitsWhileAnEarlierRowOfItsAggregateIsLeasedAndIsClaimedAfterTheLeaseEnds() {
        UUID a1 = write("a", 100);
        UUID b1 = write("b", 100);
        UUID a2 = write("a", 100);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "UPDATE outbox_event SET claimed_until = now() + interval '1 minute' WHERE id = ?1")
                        .setParameter(1, a1)
                        .executeUpdate());

        assertEquals(List.of(b1), claim(), "a1 is another relay's, and a2 must not overtake it");

        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "UPDATE outbox_event SET claimed_until = now() - interval '1 second' WHERE id = ?1")
                        .setParameter(1, a1)
                        .executeUpdate());

        assertEquals(List.of(a1, a2), claim(), "the expired lease is claimed again, then what was behind it");
        assertEquals(List.of(), claim(), "claimed rows are leased");
    }

    @Test
    void eachAggregatesEventsReachKafkaInTheOrderTheyWereWritten() {
        Map<String, List<String>> writtenByKey = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            String key = "story-" + (i % 6);
            writtenByKey
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(write(key, 100).toString());
        }
        UUID sentinel = write("sentinel", 100);
        drain();

        Map<String, List<String>> receivedByKey = new HashMap<>();
        readUntil(sentinel).stream()
                .filter(record -> !record.key().equals("sentinel"))
                .forEach(record -> receivedByKey
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(ceId(record)));
        assertEquals(writtenByKey, receivedByKey);
    }

    private List<UUID> claim() {
        return QuarkusTransaction.requiringNew().call(() -> relay.claimBatch()).stream()
                .map(event -> event.id)
                .toList();
    }

    private void drain() {
        for (int batches = 0; batches < 20 && relay.relayBatch(); batches++) {
            // a full batch went out whole: more rows may be waiting
        }
    }

    private UUID write(String key, int payloadSize) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.type = "test.event.v1";
        event.topic = topic;
        event.aggregateId = key;
        event.payload = "{\"text\":\"" + "x".repeat(payloadSize) + "\"}";
        event.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> entityManager.persist(event));
        return event.id;
    }

    private OutboxEvent find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.find(OutboxEvent.class, id));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** Everything on the topic up to its end offsets, which include {@code last} (checked). */
    private List<ConsumerRecord<String, String>> readUntil(UUID last) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertTrue(received.stream().anyMatch(r -> ceId(r).equals(last.toString())), "the last row arrived");
        return received;
    }

    private static String ceId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}
