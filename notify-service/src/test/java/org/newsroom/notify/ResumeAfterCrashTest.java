package org.newsroom.notify;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.MailSink;

/**
 * An instance died in the middle of sending an edition: its delivery rows are all written, some SENT, some claimed
 * (PENDING, leased) and some not reached yet. This instance finishes the send: every unfinished reader gets the
 * edition once, nobody already served gets it again, not even when the edition is announced again.
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class ResumeAfterCrashTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    MailSink mail;

    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    private record Reader(UUID id, String email) {}

    @Test
    void unfinishedDeliveriesAreResumedAndFinishedOnesNeverRepeated() {
        EditionPublished edition = DeliveryRows.edition("Evening Edition");
        List<Reader> sent = readers("crash-sent", 3);
        List<Reader> leased = readers("crash-leased", 3);
        List<Reader> notReached = readers("crash-unreached", 3);
        QuarkusTransaction.requiringNew().run(() -> {
            DeliveryRows.editionNotice(edition);
            sent.forEach(r -> delivery(r, edition, "SENT", "now()"));
            // Claimed by the dead instance: due again when its lease runs out.
            leased.forEach(r -> delivery(r, edition, "PENDING", "now() + interval '2 seconds'"));
            notReached.forEach(r -> delivery(r, edition, "PENDING", "now()"));
        });

        List<Reader> unfinished = new ArrayList<>(leased);
        unfinished.addAll(notReached);
        unfinished.forEach(r -> mail.await(MailSink.to(r.email(), edition.title()), TIMEOUT));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/editions/" + edition.editionId() + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("sent", equalTo(9))
                        .body("pending", equalTo(0))
                        .body("failed", equalTo(0)));

        records.send(
                Topics.PUBLICATIONS,
                edition.editionId().toString(),
                UUID.randomUUID().toString(),
                EventType.EDITION_PUBLISHED.type(),
                EventCodec.encode(edition));
        // The announcement handled: its fan-out has started, and the rows it adds are the summary's.
        Sentinels.awaitHandledUpTo(records, edition.editionId().toString());
        // Its fan-out (other readers in the database get it now) written and sent: nothing more is coming.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/editions/" + edition.editionId() + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("pending", equalTo(0))
                        .body("fanningOut", equalTo(false)));
        for (Reader reader : unfinished) {
            assertEquals(
                    1,
                    mail.messages(MailSink.to(reader.email(), edition.title())).size(),
                    "exactly one email for " + reader.email());
        }
        for (Reader reader : sent) {
            assertEquals(
                    List.of(),
                    mail.messages(MailSink.to(reader.email(), edition.title())),
                    "no second email for " + reader.email());
        }
    }

    @Test
    void anInterruptedFanOutCarriesOnFromItsCursor() {
        EditionPublished edition = DeliveryRows.edition("Evening Edition");
        // Ids above every random one, in a known order: the dead instance had written the first two pages' rows.
        List<Reader> readers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            readers.add(new Reader(
                    UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffff0" + i), Readers.newAddress("fanout-" + i)));
        }
        insert(readers);
        QuarkusTransaction.requiringNew().run(() -> {
            DeliveryRows.editionNotice(edition);
            readers.subList(0, 2).forEach(r -> delivery(r, edition, "SENT", "now()"));
            Subscriber.getEntityManager()
                    .createNativeQuery("""
                    INSERT INTO fanout (subject_id, kind, sections, after_subscriber, pages, created_at)
                    VALUES (?1, 'EDITION', '', ?2, 2, now())""")
                    .setParameter(1, edition.editionId())
                    .setParameter(2, readers.get(1).id())
                    .executeUpdate();
        });

        readers.subList(2, 5).forEach(r -> mail.await(MailSink.to(r.email(), edition.title()), TIMEOUT));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/editions/" + edition.editionId() + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("sent", equalTo(5))
                        .body("pending", equalTo(0)));
        readers.subList(0, 2)
                .forEach(r -> assertEquals(
                        List.of(),
                        mail.messages(MailSink.to(r.email(), edition.title())),
                        "already served: " + r.email()));
        assertEquals(
                Boolean.TRUE,
                QuarkusTransaction.requiringNew()
                        .call(() -> Subscriber.getEntityManager()
                                .createNativeQuery("SELECT done FROM fanout WHERE subject_id = ?1")
                                .setParameter(1, edition.editionId())
                                .getSingleResult()));
    }

    private static void delivery(Reader reader, EditionPublished edition, String status, String nextAttempt) {
        DeliveryRows.editionDelivery(reader.id(), edition.editionId(), status, nextAttempt);
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
        QuarkusTransaction.requiringNew().run(() -> readers.forEach(r -> DeliveryRows.activeReader(r.id(), r.email())));
    }
}
