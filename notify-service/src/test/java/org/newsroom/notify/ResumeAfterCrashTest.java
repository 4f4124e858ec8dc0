package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.MailSink;

/**
 * An instance died in the middle of sending an edition: its delivery rows are all written, some SENT, some claimed
 * (PENDING, leased) and some not reached yet. This instance finishes the send: every unfinished reader gets the
 * edition once, nobody already served gets it again, not even when the edition is announced again.
 */
@QuarkusTest
@WithTestResource(MailSinkResource.class)
class ResumeAfterCrashTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    MailSink mail;

    private record Reader(UUID id, String email) {
    }

    @Test
    void unfinishedDeliveriesAreResumedAndFinishedOnesNeverRepeated() {
        EditionPublished edition = edition();
        List<Reader> sent = readers("crash-sent", 3);
        List<Reader> leased = readers("crash-leased", 3);
        List<Reader> notReached = readers("crash-unreached", 3);
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Subscriber.getEntityManager();
            em.createNativeQuery("""
                    INSERT INTO edition_notice (edition_id, url, title, sections, data, published_at, received_at)
                    VALUES (?1, ?2, ?3, '', ?4, now(), now())""")
                    .setParameter(1, edition.editionId()).setParameter(2, edition.url())
                    .setParameter(3, edition.title()).setParameter(4, EventCodec.encode(edition)).executeUpdate();
            sent.forEach(r -> delivery(em, r, edition, "SENT", "now()"));
            // Claimed by the dead instance: due again when its lease runs out.
            leased.forEach(r -> delivery(em, r, edition, "PENDING", "now() + interval '2 seconds'"));
            notReached.forEach(r -> delivery(em, r, edition, "PENDING", "now()"));
        });

        List<Reader> unfinished = new ArrayList<>(leased);
        unfinished.addAll(notReached);
        unfinished.forEach(r -> mail.await(MailSink.to(r.email(), edition.title()), TIMEOUT));
        await().atMost(TIMEOUT).untilAsserted(() -> WebhookAdmin.admin()
                .when().get("/api/editions/" + edition.editionId() + "/deliveries")
                .then().statusCode(200).body("sent", equalTo(9)).body("pending", equalTo(0))
                .body("failed", equalTo(0)));

        try (CloudEventRecords records = new CloudEventRecords()) {
            records.send(Topics.PUBLICATIONS, edition.editionId().toString(), UUID.randomUUID().toString(),
                    EventType.EDITION_PUBLISHED.type(), EventCodec.encode(edition));
        }
        for (Reader reader : unfinished) {
            assertEquals(1, mail.settle(MailSink.to(reader.email(), edition.title()), Duration.ofSeconds(1)).size(),
                    "exactly one email for " + reader.email());
        }
        for (Reader reader : sent) {
            assertEquals(List.of(), mail.messages(MailSink.to(reader.email(), edition.title())),
                    "no second email for " + reader.email());
        }
    }

    @Test
    void anInterruptedFanOutCarriesOnFromItsCursor() {
        EditionPublished edition = edition();
        // Ids above every random one, in a known order: the dead instance had written the first two pages' rows.
        List<Reader> readers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            readers.add(new Reader(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffff0" + i),
                    Readers.newAddress("fanout-" + i)));
        }
        insert(readers);
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Subscriber.getEntityManager();
            em.createNativeQuery("""
                    INSERT INTO edition_notice (edition_id, url, title, sections, data, published_at, received_at)
                    VALUES (?1, ?2, ?3, '', ?4, now(), now())""")
                    .setParameter(1, edition.editionId()).setParameter(2, edition.url())
                    .setParameter(3, edition.title()).setParameter(4, EventCodec.encode(edition)).executeUpdate();
            readers.subList(0, 2).forEach(r -> delivery(em, r, edition, "SENT", "now()"));
            em.createNativeQuery("""
                    INSERT INTO fanout (subject_id, kind, sections, after_subscriber, pages, created_at)
                    VALUES (?1, 'EDITION', '', ?2, 2, now())""")
                    .setParameter(1, edition.editionId()).setParameter(2, readers.get(1).id()).executeUpdate();
        });

        readers.subList(2, 5).forEach(r -> mail.await(MailSink.to(r.email(), edition.title()), TIMEOUT));
        await().atMost(TIMEOUT).untilAsserted(() -> WebhookAdmin.admin()
                .when().get("/api/editions/" + edition.editionId() + "/deliveries")
                .then().statusCode(200).body("sent", equalTo(5)).body("pending", equalTo(0)));
        readers.subList(0, 2).forEach(r -> assertEquals(List.of(),
                mail.messages(MailSink.to(r.email(), edition.title())), "already served: " + r.email()));
        assertEquals(Boolean.TRUE, QuarkusTransaction.requiringNew().call(() -> Subscriber.getEntityManager()
                .createNativeQuery("SELECT done FROM fanout WHERE subject_id = ?1")
                .setParameter(1, edition.editionId()).getSingleResult()));
    }

    private static void delivery(EntityManager em, Reader reader, EditionPublished edition, String status,
            String nextAttempt) {
        em.createNativeQuery("""
                INSERT INTO delivery (id, subscriber_id, edition_id, channel, status, attempts, next_attempt_at,
                                      created_at, sent_at)
                VALUES (gen_random_uuid(), ?1, ?2, 'email', ?3, ?4, %s, now(), ?5)""".formatted(nextAttempt))
                .setParameter(1, reader.id()).setParameter(2, edition.editionId()).setParameter(3, status)
                .setParameter(4, "SENT".equals(status) ? 1 : 0)
                .setParameter(5, "SENT".equals(status) ? Instant.now() : null)
                .executeUpdate();
    }

    private static List<Reader> readers(String who, int count) {
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readers.add(new Reader(UUID.randomUUID(), Readers.newAddress(who)));
        }
        insert(readers);
        return readers;
    }

    private static void insert(List<Reader> readers) {
        QuarkusTransaction.requiringNew().run(() -> readers.forEach(r -> Subscriber.getEntityManager()
                .createNativeQuery("""
                        INSERT INTO subscriber (id, email, status, topics, created_at, confirmed_at)
                        VALUES (?1, ?2, 'ACTIVE', '', now(), now())""")
                .setParameter(1, r.id()).setParameter(2, r.email()).executeUpdate()));
    }

    private static EditionPublished edition() {
        UUID id = UUID.randomUUID();
        EditionLead lead = new EditionLead(UUID.randomUUID(), "Power restored across the coast", "Crews worked overnight.",
                null, new Attribution("Coast Courier", null), null);
        return new EditionPublished(id, "https://news.example/editions/" + id, "Evening Edition " + id,
                LocalDate.of(2026, 11, 25), lead, List.of(), List.of(), Instant.now());
    }
}
