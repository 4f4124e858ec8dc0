package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.publish.domain.Edition;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.TopicWatcher;

/** From an approved edition on news.editorial to its page, its API entry and news.edition.published.v1. */
@QuarkusTest
class EditionPublishingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How far ahead a scheduled edition is due: long enough for the sentinel's round trip on a busy machine. */
    private static final Duration SCHEDULE = Duration.ofSeconds(20);

    private static final CloudEventRecords RECORDS = new CloudEventRecords();

    @AfterAll
    static void close() {
        RECORDS.close();
    }

    private static EditionApproved edition(Instant publishAt) {
        LocalDate date =
                LocalDate.of(2030, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        return new EditionApproved(
                UUID.randomUUID(),
                "Morning Briefing " + UUID.randomUUID(),
                date,
                new EditionLead(
                        UUID.randomUUID(),
                        "Summit ends without a deal",
                        "Talks ran late.\n\nNo text agreed.",
                        "R. Keel",
                        new Attribution("Partner Syndicate", "https://example.org/syndicate"),
                        "Why we lead with the summit: <it matters>.",
                        "R. Keel writes on diplomacy.",
                        "© 2030 Partner Syndicate",
                        "https://example.org/summit.jpg",
                        "Delegates leave Geneva",
                        "Photo: A. Lens"),
                List.of(
                        new EditionBrief(
                                1,
                                UUID.randomUUID(),
                                "Rates on hold",
                                List.of("The bank waited."),
                                new Attribution("The Harbor Ledger", "https://example.org/ledger")),
                        new EditionBrief(
                                2,
                                UUID.randomUUID(),
                                "Grain corridor reopens",
                                List.of("Ships sail.", "Insurers return."),
                                new Attribution("Wire Desk", null))),
                List.of("Geopolitics", "Markets"),
                publishAt,
                "chief@newsroom.local",
                Instant.now());
    }

    /** Its stories are approved first: publish never shows an edition before every story in it is public. */
    private static void approveStories(EditionApproved edition) {
        try (Stories stories = new Stories()) {
            Edition.storyIds(edition)
                    .forEach(id -> stories.send(id, Stories.approval(id, "Edition story " + id, List.of(), null)));
        }
    }

    private static void send(String eventId, EditionApproved edition) {
        RECORDS.send(
                Topics.EDITORIAL,
                edition.editionId().toString(),
                eventId,
                EventType.EDITION_APPROVED.type(),
                EventCodec.encode(edition));
    }

    private static boolean publishedFor(ConsumerRecord<String, String> r, EditionApproved edition) {
        return edition.editionId().toString().equals(r.key())
                && EventType.EDITION_PUBLISHED.type().equals(TopicWatcher.header(r, "ce_type"));
    }

    @Test
    void approvedEditionIsPublishedOnceWithItsLeadAndNumberedBriefs() {
        EditionApproved edition = edition(null);
        String slug = edition.date().toString();
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            approveStories(edition);
            String eventId = UUID.randomUUID().toString();
            send(eventId, edition);
            send(eventId, edition);
            send(UUID.randomUUID().toString(), edition);

            ConsumerRecord<String, String> record = publications.await(r -> publishedFor(r, edition), WAIT);
            EditionPublished published = EventCodec.decode(record.value(), EditionPublished.class);
            assertEquals("http://localhost:8083/editions/" + slug, published.url());
            assertEquals(edition.lead(), published.lead());
            assertEquals(edition.briefs(), published.briefs());
            stories.awaitSentinel(edition.editionId(), publications);
            assertEquals(
                    1,
                    Stories.announced(EventType.EDITION_PUBLISHED, edition.editionId()),
                    "one edition, announced once, however often its approval arrives");
        }

        given().when()
                .get("/api/editions/" + slug)
                .then()
                .statusCode(200)
                .body("title", equalTo(edition.title()))
                .body("briefs[1].headline", equalTo("Grain corridor reopens"));
        given().when()
                .get("/editions/" + slug)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>" + edition.title() + "</h1>"))
                .body(containsString("Why we lead with the summit: &lt;it matters&gt;."))
                .body(containsString(
                        "<img src=\"https://example.org/summit.jpg\" alt=\"Delegates leave Geneva\" width=\"1200\""))
                .body(containsString("<span class=\"credit\">Photo: A. Lens</span>"))
                .body(containsString("<p>R. Keel writes on diplomacy.</p>"))
                .body(containsString("<small>© 2030 Partner Syndicate</small>"))
                .body(containsString("<li value=\"1\">"))
                .body(containsString("<h3>Grain corridor reopens <span class=\"source\">— "))
                .body(containsString("— <a href=\"https://example.org/ledger\">The Harbor Ledger</a>"))
                .body(containsString("— Wire Desk"));
    }

    @Test
    void scheduledEditionStaysHiddenUntilItsTime() {
        Instant publishAt = Instant.now().plus(SCHEDULE).truncatedTo(ChronoUnit.MICROS);
        EditionApproved edition = edition(publishAt);
        String slug = edition.date().toString();
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            approveStories(edition);
            send(UUID.randomUUID().toString(), edition);
            stories.awaitSentinel(edition.editionId(), publications);
            given().when().get("/api/editions/" + slug).then().statusCode(404);
            given().when().get("/editions/" + slug).then().statusCode(404);
            assertEquals(0, Stories.announced(EventType.EDITION_PUBLISHED, edition.editionId()));
            assertTrue(
                    Instant.now().isBefore(publishAt),
                    "the checks ran after publishAt, so they prove nothing: the machine is too slow");

            EditionPublished published = EventCodec.decode(
                    publications
                            .await(r -> publishedFor(r, edition), SCHEDULE.plus(WAIT))
                            .value(),
                    EditionPublished.class);
            assertFalse(
                    published.publishedAt().isBefore(publishAt),
                    "published " + published.publishedAt() + ", publishAt " + publishAt);
            given().when()
                    .get("/api/editions/" + slug)
                    .then()
                    .statusCode(200)
                    .body("publishedAt", equalTo(published.publishedAt().toString()));
        }
    }

    @Test
    void unknownEditionIsNotFound() {
        given().when().get("/api/editions/1999-01-01").then().statusCode(404).contentType("application/problem+json");
    }
}
