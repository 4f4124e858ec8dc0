package org.newsroom.notify;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.Attribution;
import org.newsroom.events.DeliverySent;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.TopicWatcher;

@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class NewsletterTest {
    private static final String PUBLISHED = EventType.PUBLICATION_PUBLISHED.type();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    MailSink mail;

    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    /** In a section the test profile lists for breaking alerts ({@code Breaking,Elections}). */
    private static PublicationPublished publication(String headline) {
        return publication(headline, List.of("Breaking"));
    }

    private static PublicationPublished publication(String headline, List<String> sections) {
        UUID id = UUID.randomUUID();
        return new PublicationPublished(
                id,
                UUID.randomUUID(),
                "story-" + id,
                "https://news.example/p/" + id,
                headline,
                "First paragraph of the summary.\n\nSecond paragraph.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://harbor.example"),
                1,
                Instant.now(),
                null,
                sections,
                "<p>Body</p>",
                "HARBOR CITY",
                null,
                null,
                null,
                "(c) The Harbor Ledger",
                null,
                null);
    }

    private void publish(PublicationPublished publication, String eventId) {
        records.send(
                Topics.PUBLICATIONS,
                publication.publicationId().toString(),
                eventId,
                PUBLISHED,
                EventCodec.encode(publication));
    }

    private static long activeSubscribers() {
        // Active, not suppressed, wanting every topic or "breaking": the readers a breaking publication is mailed to.
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Subscriber.getEntityManager()
                                .createNativeQuery("SELECT count(*) FROM subscriber WHERE status = 'ACTIVE'"
                                        + " AND (topics = '' OR 'breaking' = ANY (string_to_array(topics, ',')))"
                                        + " AND email NOT IN (SELECT email FROM suppression)")
                                .getSingleResult())
                        .longValue());
    }

    private static void assertSummary(PublicationPublished publication, long sent) {
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/publications/" + publication.publicationId() + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("sent", equalTo((int) sent))
                        .body("pending", equalTo(0))
                        .body("failed", equalTo(0)));
    }

    @Test
    void publicationIsMailedOnceToEveryActiveSubscriberAndAnnounced() {
        String active = Readers.active(mail, "active");
        String pending = Readers.pending(mail, "pending");
        long activeCount = activeSubscribers();
        PublicationPublished publication = publication("Tariff talks stall " + UUID.randomUUID());

        try (TopicWatcher deliveries = TopicWatcher.open(Topics.DELIVERIES)) {
            publish(publication, UUID.randomUUID().toString());

            MailSink.Mail email = mail.await(MailSink.to(active, publication.headline()), TIMEOUT);
            assertTrue(email.body().contains("First paragraph of the summary.\n\nSecond paragraph."), email.body());
            assertTrue(email.body().contains("Read on: " + publication.url()), email.body());
            assertTrue(email.body().contains("— The Harbor Ledger https://harbor.example"), email.body());

            ConsumerRecord<String, String> record = deliveries.await(
                    r -> r.value().contains(publication.publicationId().toString()), TIMEOUT);
            assertEquals("news.delivery.sent.v1", TopicWatcher.header(record, "ce_type"));
            assertEquals("urn:newsroom:notify-service", TopicWatcher.header(record, "ce_source"));
            DeliverySent sent = EventCodec.decode(record.value(), DeliverySent.class);
            assertEquals(publication.publicationId(), sent.publicationId());
            assertNull(sent.editionId(), "a single story's email is no edition's");
            assertEquals(sent.deliveryId().toString(), record.key());
            assertEquals("email", sent.channel());

            assertSummary(publication, activeCount);
            assertEquals(
                    activeCount,
                    DeliveryRows.announced(EventType.DELIVERY_SENT, publication.publicationId()),
                    "one news.delivery.sent.v1 per active subscriber");
        }
        assertEquals(
                1, mail.messages(MailSink.to(active, publication.headline())).size());
        assertEquals(
                List.of(),
                mail.messages(MailSink.to(pending, publication.headline())),
                "a pending subscriber gets nothing but the confirmation");
    }

    @Test
    void redeliveredAndRepublishedEventsMailNobodyTwice() {
        String reader = Readers.active(mail, "redelivery");
        long activeCount = activeSubscribers();
        PublicationPublished publication = publication("Grain corridor reopens " + UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();

        publish(publication, eventId);
        publish(publication, eventId);
        publish(publication, UUID.randomUUID().toString());

        mail.await(MailSink.to(reader, publication.headline()), TIMEOUT);
        // The three announcements all handled: every delivery row they could add exists, and all were sent.
        Sentinels.awaitHandledUpTo(records, publication.publicationId().toString());
        assertSummary(publication, activeCount);
        assertEquals(
                1,
                mail.messages(MailSink.to(reader, publication.headline())).size(),
                "exactly one email per subscriber per publication");
    }

    @Test
    void publicationsOutsideTheBreakingSectionsAreNotMailed() {
        String reader = Readers.active(mail, "not-breaking");
        PublicationPublished culture = publication("Museum reopens " + UUID.randomUUID(), List.of("Culture"));
        PublicationPublished unsectioned = publication("No section " + UUID.randomUUID(), null);
        PublicationPublished elections = publication("Polls close " + UUID.randomUUID(), List.of("elections"));

        publish(culture, UUID.randomUUID().toString());
        publish(unsectioned, UUID.randomUUID().toString());
        publish(elections, UUID.randomUUID().toString());

        mail.await(MailSink.to(reader, elections.headline()), TIMEOUT);
        // Taken in (the summary exists) without a single delivery row: nobody will ever be mailed about them.
        for (PublicationPublished ignored : List.of(culture, unsectioned)) {
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> WebhookAdmin.admin()
                            .when()
                            .get("/api/publications/" + ignored.publicationId() + "/deliveries")
                            .then()
                            .statusCode(200)
                            .body("sent", equalTo(0))
                            .body("pending", equalTo(0))
                            .body("suppressed", equalTo(0))
                            .body("fanningOut", equalTo(false)));
            assertEquals(List.of(), mail.messages(MailSink.to(reader, ignored.headline())));
        }
    }

    @Test
    void readersWithTopicsGetOnlyBreakingAlertsOfTheirTopics() {
        String sports = Readers.newAddress("breaking-sports");
        Readers.subscribe(sports, "[\"sports\"]");
        Readers.confirm(mail, sports);
        String elections = Readers.newAddress("breaking-elections");
        Readers.subscribe(elections, "[\"elections\"]");
        Readers.confirm(mail, elections);
        PublicationPublished publication =
                publication("Recount ordered " + UUID.randomUUID(), List.of("Elections", "Politics"));

        publish(publication, UUID.randomUUID().toString());

        mail.await(MailSink.to(elections, publication.headline()), TIMEOUT);
        // Every reader it matched has a row, and every row was sent: the sports reader got no row, so no email.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/publications/" + publication.publicationId() + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("fanningOut", equalTo(false))
                        .body("pending", equalTo(0)));
        assertEquals(List.of(), mail.messages(MailSink.to(sports, publication.headline())));
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheConsumerMovesOn() {
        String reader = Readers.active(mail, "after-poison");
        String rawKey = "poison-" + UUID.randomUUID();
        String invalidKey = UUID.randomUUID().toString();

        try (TopicWatcher dlq = TopicWatcher.open(Topics.deadLetter(Topics.PUBLICATIONS))) {
            records.sendRaw(Topics.PUBLICATIONS, rawKey, "{not json");
            records.send(Topics.PUBLICATIONS, invalidKey, PUBLISHED, "{\"publicationId\":\"" + invalidKey + "\"}");

            ConsumerRecord<String, String> raw = dlq.await(r -> rawKey.equals(r.key()), TIMEOUT);
            assertNotNull(TopicWatcher.header(raw, "dead-letter-reason"));
            ConsumerRecord<String, String> invalid = dlq.await(r -> invalidKey.equals(r.key()), TIMEOUT);
            assertTrue(
                    TopicWatcher.header(invalid, "dead-letter-reason").contains("slug"),
                    TopicWatcher.header(invalid, "dead-letter-reason"));
        }

        PublicationPublished publication = publication("After the poison " + UUID.randomUUID());
        publish(publication, UUID.randomUUID().toString());
        mail.await(MailSink.to(reader, publication.headline()), TIMEOUT);
    }
}
