package org.newsroom.notify;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationRetracted;
import org.newsroom.events.Topics;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.MailSink;

/** A story killed while its breaking alert waits out a retry: the alert is cancelled, never sent. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class KilledStoryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    MailSink mail;

    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    @Test
    void aKilledStorysPendingAlertIsCancelledAndNeverSent() {
        String reader = Readers.newAddress("killed-story");
        UUID subscriber = UUID.randomUUID();
        UUID killed = UUID.randomUUID();
        UUID sentinel = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            DeliveryRows.activeReader(subscriber, reader);
            DeliveryRows.publicationNotice(killed, headline(killed));
            DeliveryRows.publicationNotice(sentinel, headline(sentinel));
            // Its first attempt was greylisted: the next one is hours away.
            DeliveryRows.alertDelivery(subscriber, killed, 1, "now() + interval '6 hours'");
        });

        records.send(
                Topics.PUBLICATIONS,
                killed.toString(),
                UUID.randomUUID().toString(),
                EventType.PUBLICATION_RETRACTED.type(),
                EventCodec.encode(new PublicationRetracted(
                        killed,
                        UUID.randomUUID(),
                        "story-" + killed,
                        "https://news.example/p/" + killed,
                        headline(killed),
                        "The source withdrew the report.",
                        2,
                        Instant.now())));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/publications/" + killed + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("cancelled", equalTo(1))
                        .body("pending", equalTo(0)));

        // The backoff is over, and another alert to the same reader is due just after it: once that one is out, the
        // sender has had every chance to send the killed story's.
        QuarkusTransaction.requiringNew().run(() -> {
            Subscriber.getEntityManager()
                    .createNativeQuery("UPDATE delivery SET next_attempt_at = now() WHERE publication_id = ?1")
                    .setParameter(1, killed)
                    .executeUpdate();
            DeliveryRows.alertDelivery(subscriber, sentinel, 0, "now() + interval '1 second'");
        });
        mail.await(MailSink.to(reader, headline(sentinel)), TIMEOUT);
        assertEquals(List.of(), mail.messages(MailSink.to(reader, headline(killed))));
        WebhookAdmin.admin()
                .when()
                .get("/api/publications/" + killed + "/deliveries")
                .then()
                .statusCode(200)
                .body("cancelled", equalTo(1))
                .body("sent", equalTo(0));
    }

    private static String headline(UUID publication) {
        return "Alert " + publication;
    }
}
