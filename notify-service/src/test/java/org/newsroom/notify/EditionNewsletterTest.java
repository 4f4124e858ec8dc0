package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.notify.newsletter.Newsletter;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.TestTokens;

/** news.edition.published.v1: the whole edition, mailed once per matching active reader. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class EditionNewsletterTest {
    private static final String EDITION_PUBLISHED = EventType.EDITION_PUBLISHED.type();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    MailSink mail;

    @Inject
    Newsletter newsletter;

    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    private static EditionPublished edition(List<String> sections) {
        UUID id = UUID.randomUUID();
        EditionLead lead = new EditionLead(
                UUID.randomUUID(),
                "Harbor strike ends after nine days",
                "Dockworkers accepted the offer.\n\nShips queue to unload.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://harbor.example/strike"),
                "We chose this story because the port feeds half the region.",
                "A. Writer covers the port.",
                "© 2026 The Harbor Ledger",
                null,
                null,
                null);
        List<EditionBrief> briefs = List.of(
                new EditionBrief(
                        1,
                        UUID.randomUUID(),
                        "Grain corridor reopens",
                        List.of("Exports resume on Monday."),
                        new Attribution("Grain Daily", "https://grain.example/a")),
                new EditionBrief(
                        2,
                        UUID.randomUUID(),
                        "Council approves budget",
                        List.of("A narrow vote.", "Opposition walked out."),
                        new Attribution("City Wire", null)));
        return new EditionPublished(
                id,
                "https://news.example/editions/" + id,
                "Morning Briefing — 25 November 2026 " + id,
                LocalDate.of(2026, 11, 25),
                lead,
                briefs,
                sections,
                Instant.now());
    }

    private void publish(EditionPublished edition, String eventId) {
        records.send(
                Topics.PUBLICATIONS,
                edition.editionId().toString(),
                eventId,
                EDITION_PUBLISHED,
                EventCodec.encode(edition));
    }

    private static long mailableSubscribers() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Subscriber.getEntityManager()
                                .createNativeQuery("SELECT count(*) FROM subscriber WHERE status = 'ACTIVE'"
                                        + " AND email NOT IN (SELECT email FROM suppression)")
                                .getSingleResult())
                        .longValue());
    }

    private static void suppress(String email) {
        given().header("X-Newsroom-Secret", "test-suppression-secret")
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"reason\":\"COMPLAINT\"}")
                .when()
                .post("/api/suppressions")
                .then()
                .statusCode(204);
    }

    @Test
    void editionIsMailedOnceToEveryActiveReaderWithTextAndHtml() {
        String reader = Readers.active(mail, "edition");
        String pending = Readers.pending(mail, "edition-pending");
        String suppressed = Readers.active(mail, "edition-suppressed");
        suppress(suppressed);
        // Readers of its own, whatever ran before: more active readers than one fan-out page holds (3 in tests).
        List<String> more = Stream.generate(() -> Readers.active(mail, "edition-more"))
                .limit(3)
                .toList();
        long mailable = mailableSubscribers();
        EditionPublished edition = edition(List.of());
        String eventId = UUID.randomUUID().toString();

        publish(edition, eventId);
        publish(edition, eventId);
        publish(edition, UUID.randomUUID().toString());

        MailSink.Mail email = mail.await(MailSink.to(reader, edition.title()), TIMEOUT);
        String body = email.body();
        assertTrue(body.contains("Harbor strike ends after nine days"), body);
        assertTrue(body.contains("By A. Writer"), body);
        assertTrue(body.contains("Editor's note: We chose this story because the port feeds half the region."), body);
        assertTrue(body.contains("Dockworkers accepted the offer.\n\nShips queue to unload."), body);
        assertTrue(body.contains("— The Harbor Ledger https://harbor.example/strike"), body);
        assertTrue(body.contains("About the author: A. Writer covers the port."), body);
        assertTrue(body.contains("© 2026 The Harbor Ledger"), body);
        assertTrue(body.contains("Read on: " + edition.url()), body);
        assertTrue(
                body.contains(
                        "1. Grain corridor reopens\nExports resume on Monday.\n— Grain Daily https://grain.example/a"),
                body);
        assertTrue(body.contains("2. Council approves budget"), body);
        assertTrue(body.contains("— City Wire\n"), body);
        assertTrue(body.contains("Grade this edition: " + edition.url() + "#grade"), body);
        assertTrue(body.contains("Letters to the editor: letters@news.example"), body);
        assertTrue(body.contains("Unsubscribe: http"), body);
        assertTrue(body.contains("/api/subscriptions/preferences?token="), body);
        assertTrue(body.indexOf("1. Grain corridor reopens") > body.indexOf("Read on: "), body);
        assertTrue(
                email.header("Content-Type").orElse("").contains("multipart/alternative"),
                "an HTML alternative: " + email.header("Content-Type"));
        assertTrue(email.header("List-Unsubscribe").orElse("").contains("/api/subscriptions/unsubscribe?token="));
        assertEquals(
                "List-Unsubscribe=One-Click",
                email.header("List-Unsubscribe-Post").orElse(null));

        // The three announcements all handled: every delivery row they could add exists.
        Sentinels.awaitHandledUpTo(records, edition.editionId().toString());
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/editions/" + edition.editionId() + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("sent", equalTo((int) mailable))
                        .body("pending", equalTo(0))
                        .body("failed", equalTo(0))
                        .body("suppressed", greaterThanOrEqualTo(1))
                        .body("fanningOut", equalTo(false)));
        assertTrue(
                QuarkusTransaction.requiringNew()
                                .call(() -> ((Number) Subscriber.getEntityManager()
                                                .createNativeQuery(
                                                        "SELECT pages FROM fanout WHERE subject_id = ?1 AND done")
                                                .setParameter(1, edition.editionId())
                                                .getSingleResult())
                                        .intValue())
                        > 1,
                "readers written in several keyset pages (3 per page in tests)");
        for (String each : Stream.concat(Stream.of(reader), more.stream()).toList()) {
            assertEquals(
                    1,
                    mail.messages(MailSink.to(each, edition.title())).size(),
                    "one email per reader per edition, however often it is announced");
        }
        assertEquals(List.of(), mail.messages(MailSink.to(pending, edition.title())));
        assertEquals(List.of(), mail.messages(MailSink.to(suppressed, edition.title())));
    }

    @Test
    void readersWithTopicsGetOnlyEditionsOfTheirSections() {
        String politics = Readers.newAddress("edition-politics");
        Readers.subscribe(politics, "[\"Politics\"]");
        Readers.confirm(mail, politics);
        String sports = Readers.newAddress("edition-sports");
        Readers.subscribe(sports, "[\"sports\"]");
        Readers.confirm(mail, sports);
        String everything = Readers.active(mail, "edition-everything");
        EditionPublished edition = edition(List.of("politics", "business"));

        publish(edition, UUID.randomUUID().toString());

        mail.await(MailSink.to(politics, edition.title()), TIMEOUT);
        mail.await(MailSink.to(everything, edition.title()), TIMEOUT);
        // Every reader it matched has a row, and every row was sent: the sports reader got no row, so no email.
        WebhookAdmin.awaitEditionSettled(edition.editionId());
        assertEquals(List.of(), mail.messages(MailSink.to(sports, edition.title())));
    }

    @Test
    void theSummarySaysWhileReadersAreStillBeingAdded() {
        EditionPublished edition = edition(List.of());
        // Seen from inside the transaction that takes the edition in, before Fanout (which cannot see it yet) has
        // written a single page: nothing pending, and the summary says that is not the final count.
        QuarkusTransaction.begin();
        try {
            newsletter.schedule(edition);
            Newsletter.Summary summary =
                    newsletter.editionSummary(edition.editionId()).orElseThrow();
            assertEquals(new Newsletter.Summary(0, 0, 0, 0, 0, true), summary);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Who got which email is the newsroom's business: the statistics take the admin role. */
    @Test
    void deliveryStatisticsRequireTheAdminRole() {
        for (String path : List.of(
                "/api/editions/" + UUID.randomUUID() + "/deliveries",
                "/api/publications/" + UUID.randomUUID() + "/deliveries")) {
            given().when().get(path).then().statusCode(401);
            given().auth()
                    .oauth2(TestTokens.token("an-editor", "editor"))
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403);
            WebhookAdmin.admin().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void unknownEditionIsNotFound() {
        WebhookAdmin.admin()
                .when()
                .get("/api/editions/" + UUID.randomUUID() + "/deliveries")
                .then()
                .statusCode(404);
    }
}
