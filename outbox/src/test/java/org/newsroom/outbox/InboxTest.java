package org.newsroom.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.ItemWithdrawn;
import org.newsroom.events.PoisonEventException;

/**
 * The inbox on the real database: a redelivered event changes nothing, a poison record is refused at once, a failing
 * effect is retried a bounded number of times (newsroom.inbox.max-attempts is 3 here), and a failure that says the
 * database connection is gone is waited out however often it happens.
 */
@QuarkusTest
class InboxTest {

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    private final AtomicInteger applied = new AtomicInteger();

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        ConsumerRecord<String, String> record = withdrawal(UUID.randomUUID());
        EventHandlers handlers = new EventHandlers().on(ItemWithdrawn.class, withdrawn -> applied.incrementAndGet());

        inbox.apply(record, handlers);
        inbox.apply(record, handlers);

        assertEquals(1, applied.get());
        assertEquals(1L, inboxRows(record));
    }

    @Test
    void aPoisonRecordIsRefusedAtOnceWithoutRetries() {
        ConsumerRecord<String, String> noHeaders = new ConsumerRecord<>("news.items", 0, 0, "key", "{}");
        EventHandlers handlers = new EventHandlers().on(ItemWithdrawn.class, withdrawn -> applied.incrementAndGet());

        assertThrows(PoisonEventException.class, () -> inbox.apply(noHeaders, handlers));
        assertEquals(0, applied.get());
    }

    @Test
    void anEffectThatKeepsFailingIsTriedMaxAttemptsTimesThenThrownForTheDeadLetterQueue() {
        ConsumerRecord<String, String> record = withdrawal(UUID.randomUUID());
        EventHandlers handlers = new EventHandlers().on(ItemWithdrawn.class, withdrawn -> {
            applied.incrementAndGet();
            throw new IllegalStateException("a bug");
        });

        assertThrows(IllegalStateException.class, () -> inbox.apply(record, handlers));
        assertEquals(3, applied.get());
        assertEquals(0L, inboxRows(record), "nothing of a failed attempt was kept");
    }

    @Test
    void aLostDatabaseConnectionIsWaitedOutBeyondMaxAttemptsAndTheEventAppliedOnce() {
        ConsumerRecord<String, String> record = withdrawal(UUID.randomUUID());
        EventHandlers handlers = new EventHandlers().on(ItemWithdrawn.class, withdrawn -> {
            if (applied.incrementAndGet() <= 10) {
                throw new JDBCConnectionException("connection lost", new SQLException("I/O error", "08006"));
            }
        });

        inbox.apply(record, handlers);

        assertEquals(11, applied.get());
        assertEquals(1L, inboxRows(record));
    }

    private static ConsumerRecord<String, String> withdrawal(UUID itemId) {
        ItemWithdrawn payload = new ItemWithdrawn(itemId, "partner", "ext-1", 1, "canceled", Instant.now());
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>("news.items", 0, 0, itemId.toString(), EventCodec.encode(payload));
        record.headers()
                .add(new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        record.headers()
                .add(new RecordHeader(
                        "ce_type", EventType.of(ItemWithdrawn.class).type().getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private long inboxRows(ConsumerRecord<String, String> record) {
        String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    }
}
