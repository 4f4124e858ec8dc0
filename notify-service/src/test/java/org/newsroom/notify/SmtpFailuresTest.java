package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.DeliveryFailed;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.ManagementPort;
import org.newsroom.testing.TopicWatcher;

/**
 * Against an SMTP server that answers 451 (try later) or 550 (no such mailbox): transient failures are retried with
 * backoff until accepted or until max-attempts, permanent ones fail at once; every final failure is
 * counted in the edition's summary, announced as news.delivery.failed.v1 and counted in the metrics. A message the
 * server read but never answered is not sent again.
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@TestProfile(FlakySmtpProfile.class)
class SmtpFailuresTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    FlakySmtpServer smtp;

    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    private record Row(String status, int attempts, String lastError) {}

    @Test
    void transientFailuresAreRetriedPermanentOnesAreNotAndFinalFailuresAreAnnounced() {
        String suffix = UUID.randomUUID() + "@example.org";
        String fine = "fine-" + suffix;
        String greylisted = "tempfail-" + suffix;
        String unknown = "reject-" + suffix;
        String neverAccepting = "alwaystemp-" + suffix;
        activeReaders(List.of(fine, greylisted, unknown, neverAccepting));
        EditionPublished edition = DeliveryRows.edition("Storm Edition");

        try (TopicWatcher deliveries = TopicWatcher.open(Topics.DELIVERIES)) {
            records.send(
                    Topics.PUBLICATIONS,
                    edition.editionId().toString(),
                    UUID.randomUUID().toString(),
                    EventType.EDITION_PUBLISHED.type(),
                    EventCodec.encode(edition));

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> WebhookAdmin.admin()
                            .when()
                            .get("/api/editions/" + edition.editionId() + "/deliveries")
                            .then()
                            .statusCode(200)
                            .body("sent", equalTo(2))
                            .body("failed", equalTo(2))
                            .body("pending", equalTo(0)));

            // Every attempt a row records is one the server answered: none is lost in the mail client.
            String title = edition.title();
            Map<String, Row> rows = rows(edition.editionId());
            assertEquals("SENT", rows.get(fine).status());
            assertEquals(1, rows.get(fine).attempts());
            assertEquals(1, smtp.accepted(fine, title));

            assertEquals("SENT", rows.get(greylisted).status());
            assertEquals(3, rows.get(greylisted).attempts(), "451 twice, then accepted");
            assertEquals(3, smtp.attempts(greylisted, title));
            assertEquals(1, smtp.accepted(greylisted, title));

            assertEquals("FAILED", rows.get(unknown).status());
            assertEquals(1, rows.get(unknown).attempts(), "a 550 is not retried");
            assertEquals(1, smtp.attempts(unknown, title));
            assertTrue(
                    rows.get(unknown).lastError().startsWith("550"),
                    rows.get(unknown).lastError());

            assertEquals("FAILED", rows.get(neverAccepting).status());
            assertEquals(
                    FlakySmtpProfile.MAX_ATTEMPTS, rows.get(neverAccepting).attempts(), "retried up to max-attempts");
            assertEquals(FlakySmtpProfile.MAX_ATTEMPTS, smtp.attempts(neverAccepting, title));
            assertEquals(0, smtp.accepted(unknown, title) + smtp.accepted(neverAccepting, title));

            List<ConsumerRecord<String, String>> announced =
                    deliveries.awaitCount(r -> isFailureOf(r, edition), 2, TIMEOUT);
            List<DeliveryFailed> failures = announced.stream()
                    .map(r -> EventCodec.decode(r.value(), DeliveryFailed.class))
                    .toList();
            announced.forEach(r -> assertEquals(
                    EventCodec.decode(r.value(), DeliveryFailed.class)
                            .deliveryId()
                            .toString(),
                    r.key(),
                    "keyed by delivery"));
            DeliveryFailed rejected = failures.stream()
                    .filter(f -> f.reason().startsWith("550"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no failure for the 550: " + failures));
            assertEquals(1, rejected.attempts());
            DeliveryFailed exhausted =
                    failures.stream().filter(f -> f != rejected).findFirst().orElseThrow();
            assertEquals(FlakySmtpProfile.MAX_ATTEMPTS, exhausted.attempts());
            assertEquals(rows.get(neverAccepting).lastError(), exhausted.reason());
            failures.forEach(failed -> {
                assertEquals(edition.editionId(), failed.publicationId());
                assertEquals(edition.editionId(), failed.editionId());
                assertEquals("email", failed.channel());
                assertTrue(failed.permanent());
            });
            assertEquals(2, DeliveryRows.announced(EventType.DELIVERY_FAILED, edition.editionId()));
        }

        String metrics = given().baseUri(ManagementPort.url())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metric(metrics, "newsroom_notify_emails_total{outcome=\"sent\"") >= 2, metrics);
        assertTrue(metric(metrics, "newsroom_notify_emails_total{outcome=\"failed\"") >= 2, metrics);
        assertTrue(metric(metrics, "newsroom_notify_emails_total{outcome=\"retried\"") >= 4, metrics);
    }

    @Test
    void aReplyThatNeverCameIsNotSentAgain() {
        String silent = "silent-" + UUID.randomUUID() + "@example.org";
        EditionPublished edition = DeliveryRows.edition("Storm Edition");
        UUID subscriber = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            DeliveryRows.activeReader(subscriber, silent);
            DeliveryRows.editionNotice(edition);
            DeliveryRows.editionDelivery(subscriber, edition.editionId(), "PENDING", "now()");
        });
        try {
            // The row's final state is the sentinel: retried, it would have ended FAILED after MAX_ATTEMPTS sends.
            await().atMost(TIMEOUT)
                    .until(() -> !"PENDING"
                            .equals(rows(edition.editionId()).get(silent).status()));
            Row row = rows(edition.editionId()).get(silent);
            assertEquals("FAILED", row.status());
            assertEquals(1, row.attempts(), "the message may be out: it is not sent again");
            assertTrue(row.lastError().startsWith("uncertain"), row.lastError());
            assertEquals(1, smtp.attempts(silent, edition.title()));
        } finally {
            smtp.answerSilentOnes();
            // No later edition of the other tests reaches the silent reader.
            QuarkusTransaction.requiringNew()
                    .run(() -> Subscriber.getEntityManager()
                            .createNativeQuery("UPDATE subscriber SET status = 'UNSUBSCRIBED' WHERE id = ?1")
                            .setParameter(1, subscriber)
                            .executeUpdate());
        }
    }

    private static boolean isFailureOf(ConsumerRecord<String, String> record, EditionPublished edition) {
        return EventType.DELIVERY_FAILED.type().equals(TopicWatcher.header(record, "ce_type"))
                && record.value().contains(edition.editionId().toString());
    }

    static double metric(String exposition, String prefix) {
        return exposition
                .lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Row> rows(UUID editionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = Subscriber.getEntityManager()
                    .createNativeQuery("""
                    SELECT s.email, d.status, d.attempts, d.last_error FROM delivery d
                    JOIN subscriber s ON s.id = d.subscriber_id WHERE d.edition_id = ?1""")
                    .setParameter(1, editionId)
                    .getResultList();
            return rows.stream()
                    .collect(Collectors.toMap(
                            r -> (String) r[0],
                            r -> new Row((String) r[1], ((Number) r[2]).intValue(), (String) r[3])));
        });
    }

    private static void activeReaders(List<String> emails) {
        QuarkusTransaction.requiringNew()
                .run(() -> emails.forEach(email -> DeliveryRows.activeReader(UUID.randomUUID(), email)));
    }
}
