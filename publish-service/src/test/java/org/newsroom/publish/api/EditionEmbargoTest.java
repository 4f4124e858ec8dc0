package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.TopicWatcher;

/**
 * Defence in depth: whatever editorial sends, an edition never reveals a story before that story is public on its
 * own — not on the edition page, the edition feeds, {@code /api/editions}, the home page or archive, nor in an event
 * on news.publications. Every record of a scenario is sent with the edition's key, so the broker delivers them in
 * order: once the sentinel story that follows the edition is public, the edition has been handled.
 */
@QuarkusTest
class EditionEmbargoTest {
    /** Long enough for the sentinel's round trip on a busy machine; checked below. */
    private static final Duration EMBARGO = Duration.ofSeconds(30);

    private static EditionApproved edition(String tag, StoryApproved lead, StoryApproved brief) {
        LocalDate date =
                LocalDate.of(2070, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        return new EditionApproved(
                UUID.randomUUID(),
                "Embargo Brief " + tag,
                date,
                new EditionLead(
                        lead.storyId(),
                        lead.headline(),
                        "Lead text " + tag + ".",
                        lead.byline(),
                        lead.attribution(),
                        lead.editorsNote()),
                List.of(new EditionBrief(
                        1, brief.storyId(), brief.headline(), List.of("Brief text " + tag + "."), brief.attribution())),
                List.of("Markets"),
                null,
                "chief@newsroom.local",
                Instant.now());
    }

    private static Predicate<ConsumerRecord<String, String>> editionPublished(EditionApproved edition) {
        return r -> edition.editionId().toString().equals(r.key())
                && EventType.EDITION_PUBLISHED.type().equals(TopicWatcher.header(r, "ce_type"));
    }

    /** Nothing of the edition or its held lead anywhere readers or subscribers look. */
    private static void assertNothingVisible(EditionApproved edition, String leadSlug, TopicWatcher publications) {
        String slug = edition.date().toString();
        given().when().get("/editions/" + slug).then().statusCode(404);
        given().when().get("/api/editions/" + slug).then().statusCode(404);
        given().when()
                .get("/api/editions")
                .then()
                .statusCode(200)
                .body(not(containsString(edition.editionId().toString())));
        for (String feed : List.of("rss.xml", "atom.xml", "feed.json")) {
            given().when()
                    .get("/feeds/editions/" + feed)
                    .then()
                    .body(not(containsString(edition.editionId().toString())))
                    .body(not(containsString(edition.title())));
            given().when()
                    .get("/feeds/" + feed)
                    .then()
                    .body(not(containsString(edition.lead().headline())));
        }
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .body(not(containsString(edition.title())))
                .body(not(containsString(edition.lead().headline())));
        given().when().get("/archive/" + slug).then().statusCode(200).body(not(containsString(edition.title())));
        given().when().get("/stories/" + leadSlug).then().statusCode(404);
        given().when().get("/api/publications/" + leadSlug).then().statusCode(404);

        List<ConsumerRecord<String, String>> announced = publications.drain(
                editionPublished(edition)
                        .or(Stories.event(
                                EventType.PUBLICATION_PUBLISHED, edition.lead().storyId())),
                Duration.ZERO);
        assertEquals(List.of(), announced, "nothing announced on news.publications");
        assertEquals(0, Stories.announced(edition.editionId()), "no edition event waits in the outbox either");
    }

    private static void assertVisible(EditionApproved edition) {
        String slug = edition.date().toString();
        given().when()
                .get("/editions/" + slug)
                .then()
                .statusCode(200)
                .body(containsString(edition.lead().headline()));
        given().when().get("/api/editions/" + slug).then().statusCode(200);
        given().when().get("/feeds/editions/atom.xml").then().body(containsString(edition.title()));
        given().when().get("/").then().body(containsString(edition.title()));
    }

    @Test
    void editionWithAnEmbargoedLeadWaitsUntilTheEmbargoEnds() {
        String tag = Stories.tag();
        Instant embargo = Instant.now().plus(EMBARGO).truncatedTo(ChronoUnit.SECONDS);
        StoryApproved lead = Stories.approval(UUID.randomUUID(), "Embargoed lead " + tag, List.of("Markets"), embargo);
        StoryApproved brief = Stories.approval(UUID.randomUUID(), "Open brief " + tag, List.of("Markets"), null);
        EditionApproved edition = edition(tag, lead, brief);
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            stories.send(edition.editionId(), lead);
            stories.send(edition.editionId(), brief);
            stories.send(edition.editionId(), edition);
            stories.awaitSentinel(edition.editionId(), publications);

            assertNothingVisible(edition, "embargoed-lead-" + tag, publications);
            assertTrue(
                    Instant.now().isBefore(embargo),
                    "the checks ran after the embargo ended, so they prove nothing: the machine is too slow");

            EditionPublished published = EventCodec.decode(
                    publications
                            .await(editionPublished(edition), EMBARGO.plus(Stories.WAIT))
                            .value(),
                    EditionPublished.class);
            assertFalse(
                    published.publishedAt().isBefore(embargo),
                    "published " + published.publishedAt() + ", embargo " + embargo);
            assertEquals(edition.lead(), published.lead());
        }
        assertVisible(edition);
        given().when().get("/stories/embargoed-lead-" + tag).then().statusCode(200);
    }

    @Test
    void editionWaitsForAStoryItHasNeverSeenApproved() {
        String tag = Stories.tag();
        StoryApproved lead = Stories.approval(UUID.randomUUID(), "Unseen lead " + tag, List.of("Markets"), null);
        StoryApproved brief = Stories.approval(UUID.randomUUID(), "Seen brief " + tag, List.of("Markets"), null);
        EditionApproved edition = edition(tag, lead, brief);
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            stories.send(edition.editionId(), brief);
            stories.send(edition.editionId(), edition);
            stories.awaitSentinel(edition.editionId(), publications);

            assertNothingVisible(edition, "unseen-lead-" + tag, publications);

            stories.send(edition.editionId(), lead);
            publications.await(editionPublished(edition), Stories.WAIT);
        }
        assertVisible(edition);
    }
}
