package org.newsroom.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.notify.subscription.Subscriber;

/**
 * Rows as an earlier run, or an instance that died, left them: readers, notices and deliveries written straight
 * into the database, for the tests that start from a state no event leads to quickly (a retry hours away, a lease
 * held by a dead instance, a half-written fan-out). Each method runs inside the caller's transaction.
 */
public final class DeliveryRows {

    private DeliveryRows() {}

    /** An edition with a lead and nothing else: enough to mail, quick to render. */
    public static EditionPublished edition(String title) {
        UUID id = UUID.randomUUID();
        EditionLead lead = new EditionLead(
                UUID.randomUUID(),
                "Ferry strike ends",
                "Sailings resume at dawn.",
                null,
                new Attribution("Coast Courier", null),
                null);
        return new EditionPublished(
                id,
                "https://news.example/editions/" + id,
                title + " " + id,
                LocalDate.of(2026, 11, 27),
                lead,
                List.of(),
                List.of(),
                Instant.now());
    }

    /** A confirmed reader without topics (every edition reaches them). */
    public static void activeReader(UUID id, String email) {
        em().createNativeQuery("""
                INSERT INTO subscriber (id, email, status, topics, created_at, confirmed_at)
                VALUES (?1, ?2, 'ACTIVE', '', now(), now())""").setParameter(1, id).setParameter(2, email).executeUpdate();
    }

    /** The edition as its event left it, without a fan-out: only the deliveries written here are sent. */
    public static void editionNotice(EditionPublished edition) {
        em().createNativeQuery("""
                INSERT INTO edition_notice (edition_id, url, title, sections, data, published_at, received_at)
                VALUES (?1, ?2, ?3, '', ?4, now(), now())""")
                .setParameter(1, edition.editionId())
                .setParameter(2, edition.url())
                .setParameter(3, edition.title())
                .setParameter(4, EventCodec.encode(edition))
                .executeUpdate();
    }

    public static void publicationNotice(UUID publication, String headline) {
        em().createNativeQuery("""
                INSERT INTO publication_notice (publication_id, slug, url, headline, outlet, version, published_at,
                                                received_at)
                VALUES (?1, ?2, ?3, ?4, 'The Harbor Ledger', 1, now(), now())""")
                .setParameter(1, publication)
                .setParameter(2, "story-" + publication)
                .setParameter(3, "https://news.example/p/" + publication)
                .setParameter(4, headline)
                .executeUpdate();
    }

    /**
     * A delivery of the edition: PENDING (never tried) or SENT (once, now).
     *
     * @param nextAttempt SQL for when it is due, e.g. {@code now() + interval '2 seconds'} for a lease still held
     */
    public static void editionDelivery(UUID reader, UUID edition, String status, String nextAttempt) {
        boolean sent = "SENT".equals(status);
        em().createNativeQuery("""
                INSERT INTO delivery (id, subscriber_id, edition_id, channel, status, attempts, next_attempt_at,
                                      created_at, sent_at)
                VALUES (gen_random_uuid(), ?1, ?2, 'email', ?3, ?4, %s, now(), ?5)""".formatted(nextAttempt))
                .setParameter(1, reader)
                .setParameter(2, edition)
                .setParameter(3, status)
                .setParameter(4, sent ? 1 : 0)
                .setParameter(5, sent ? Instant.now() : null)
                .executeUpdate();
    }

    /** A pending breaking alert that failed {@code attempts} times so far. @param due SQL, as for an edition's */
    public static void alertDelivery(UUID reader, UUID publication, int attempts, String due) {
        em().createNativeQuery("""
                INSERT INTO delivery (id, subscriber_id, publication_id, channel, status, attempts, next_attempt_at,
                                      created_at)
                VALUES (gen_random_uuid(), ?1, ?2, 'email', 'PENDING', ?3, %s, now())""".formatted(due))
                .setParameter(1, reader)
                .setParameter(2, publication)
                .setParameter(3, attempts)
                .executeUpdate();
    }

    /**
     * How many events of {@code type} naming {@code subject} notify has announced. Exact at any moment: each is
     * written to the outbox in the transaction that records the delivery's outcome, so once every delivery is final
     * no further one can appear (a count read from the topic could only wait and hope).
     */
    public static long announced(EventType type, UUID subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em().createNativeQuery(
                                        "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2")
                                .setParameter(1, type.type())
                                .setParameter(2, "%" + subject + "%")
                                .getSingleResult())
                        .longValue());
    }

    private static EntityManager em() {
        return Subscriber.getEntityManager();
    }
}
