package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.PublicationRetracted;
import org.newsroom.events.PublicationUpdated;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.Topics;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.TopicWatcher;

/** Corrections (new versions everywhere), kills (410, gone from lists) and embargoes (nothing visible before). */
@QuarkusTest
class PublicationLifecycleTest {
    private static Stories stories;

    @BeforeAll
    static void open() {
        stories = new Stories();
    }

    @AfterAll
    static void close() {
        stories.close();
    }

    private static String guidInRss(String slug) {
        String rss = given().when()
                .get("/feeds/rss.xml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        int link = rss.indexOf("<link>http://localhost:8083/stories/" + slug + "</link>");
        assertTrue(link >= 0, "in the feed: " + slug);
        int guid = rss.indexOf("<guid", link);
        return rss.substring(rss.indexOf('>', guid) + 1, rss.indexOf("</guid>", guid));
    }

    @Test
    void correctionIsANewVersionOnTheApiThePageTheFeedsAndTheTopicOnce() {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        StoryApproved story = Stories.approval(storyId, "Summit stalls " + tag, List.of("Geopolitics"), null);
        String slug = "summit-stalls-" + tag;
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            stories.send(storyId, story);
            PublicationPublished v1 = EventCodec.decode(
                    publications
                            .await(Stories.event(EventType.PUBLICATION_PUBLISHED, storyId), Stories.WAIT)
                            .value(),
                    PublicationPublished.class);
            Stories.awaitApi(slug, 200);
            String guid = guidInRss(slug);

            StoryCorrected correction =
                    Stories.correction(story, "Summit stalls again " + tag, "An earlier version misstated the venue.");
            String eventId = UUID.randomUUID().toString();
            stories.send(storyId, eventId, correction);
            stories.send(storyId, eventId, correction);

            ConsumerRecord<String, String> record =
                    publications.await(Stories.event(EventType.PUBLICATION_UPDATED, storyId), Stories.WAIT);
            PublicationUpdated v2 = EventCodec.decode(record.value(), PublicationUpdated.class);
            assertEquals(v1.publicationId().toString(), record.key(), "keyed by publication, after its v1");
            assertEquals(2, v2.version());
            assertEquals(slug, v2.slug(), "the address never changes");
            assertEquals("Summit stalls again " + tag, v2.headline());
            assertEquals("An earlier version misstated the venue.", v2.correctionNote());
            assertEquals("<p>Corrected body.</p>", v2.bodyHtml());
            assertEquals(List.of("Geopolitics"), v2.sections());
            assertEquals(v1.publishedAt(), v2.publishedAt());
            assertTrue(v2.updatedAt().isAfter(v1.publishedAt()));
            stories.awaitSentinel(storyId, publications);
            assertEquals(
                    1,
                    Stories.announced(EventType.PUBLICATION_UPDATED, storyId),
                    "a replayed correction is one version");

            Stories.awaitApi(slug, 200)
                    .then()
                    .body("version", equalTo(2))
                    .body("headline", equalTo("Summit stalls again " + tag))
                    .body("correctionNote", equalTo("An earlier version misstated the venue."))
                    .body("updatedAt", equalTo(v2.updatedAt().toString()))
                    .body("versions.version", equalTo(List.of(1, 2)))
                    .body("versions[0].headline", equalTo("Summit stalls " + tag))
                    .body("versions[1].correctionNote", equalTo("An earlier version misstated the venue."));
            String etag = given().when()
                    .get("/api/publications/" + slug)
                    .then()
                    .statusCode(200)
                    .header("Last-Modified", notNullValue())
                    .extract()
                    .header("ETag");
            given().header("If-None-Match", etag)
                    .when()
                    .get("/api/publications/" + slug)
                    .then()
                    .statusCode(304);
            given().when()
                    .get("/stories/" + slug)
                    .then()
                    .statusCode(200)
                    .body(containsString("<h1>Summit stalls again " + tag + "</h1>"))
                    .body(containsString("<h2 id=\"correction-heading\">Correction</h2>"))
                    .body(containsString("An earlier version misstated the venue."))
                    .body(containsString("<p>Corrected body.</p>"));
            assertEquals(guid, guidInRss(slug), "same GUID across versions");
            assertEquals("urn:uuid:" + v1.publicationId(), guid);
        }
    }

    @Test
    void killedStoryIsRetractedEverywhereAndAnnouncedOnce() {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        String slug = "rates-on-hold-" + tag;
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            stories.send(storyId, Stories.approval(storyId, "Rates on hold " + tag, List.of("Markets"), null));
            String id = Stories.awaitApi(slug, 200).jsonPath().getString("id");
            guidInRss(slug);

            String eventId = UUID.randomUUID().toString();
            stories.send(storyId, eventId, Stories.kill(storyId, "The report was withdrawn by its source."));
            stories.send(storyId, eventId, Stories.kill(storyId, "The report was withdrawn by its source."));
            ConsumerRecord<String, String> record =
                    publications.await(Stories.event(EventType.PUBLICATION_RETRACTED, storyId), Stories.WAIT);
            PublicationRetracted retracted = EventCodec.decode(record.value(), PublicationRetracted.class);
            assertEquals(id, record.key());
            assertEquals("The report was withdrawn by its source.", retracted.reason());
            assertEquals("http://localhost:8083/stories/" + slug, retracted.url());

            Stories.awaitApi(slug, 410)
                    .then()
                    .contentType("application/problem+json")
                    .body("status", equalTo(410))
                    .body("reason", equalTo("The report was withdrawn by its source."));
            given().when()
                    .get("/stories/" + slug)
                    .then()
                    .statusCode(410)
                    .contentType(containsString("text/html"))
                    .body(containsString("This story has been retracted"))
                    .body(containsString("The report was withdrawn by its source."))
                    .body(not(containsString("Talks broke off late.")));
            given().when()
                    .get("/api/publications?limit=200")
                    .then()
                    .statusCode(200)
                    .body("slug", not(hasItem(slug)));
            given().when()
                    .get("/api/publications?section=markets&limit=200")
                    .then()
                    .statusCode(200)
                    .body("slug", not(hasItem(slug)));
            for (String path : List.of(
                    "/",
                    "/feeds/rss.xml",
                    "/feeds/atom.xml",
                    "/feeds/feed.json",
                    "/archive/" + Instant.now().toString().substring(0, 10))) {
                given().when().get(path).then().statusCode(200).body(not(containsString("/stories/" + slug)));
            }
            stories.awaitSentinel(storyId, publications);
            assertEquals(1, Stories.announced(EventType.PUBLICATION_RETRACTED, storyId), "retracted once");
        }
    }

    @Test
    void embargoedStoryIsInvisibleUntilItsTimeThenPublishedOnce() {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        String slug = "embargoed-results-" + tag;
        Instant embargo = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.MICROS);
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            stories.send(storyId, Stories.approval(storyId, "Embargoed results " + tag, List.of("Health"), embargo));
            stories.awaitSentinel(storyId, publications);

            given().when().get("/api/publications/" + slug).then().statusCode(404);
            given().when().get("/stories/" + slug).then().statusCode(404);
            given().when().get("/api/publications?limit=200").then().body("slug", not(hasItem(slug)));
            given().when().get("/feeds/rss.xml").then().body(not(containsString(slug)));
            given().when().get("/").then().body(not(containsString(slug)));
            assertEquals(0, Stories.announced(EventType.PUBLICATION_PUBLISHED, storyId), "no event before the embargo");
            assertTrue(Instant.now().isBefore(embargo), "all checked before the embargo ended");

            PublicationPublished published = EventCodec.decode(
                    publications
                            .await(Stories.event(EventType.PUBLICATION_PUBLISHED, storyId), Stories.WAIT)
                            .value(),
                    PublicationPublished.class);
            assertTrue(!published.publishedAt().isBefore(embargo), "published at or after its embargo");
            assertEquals(embargo, published.embargoedUntil());
            Stories.awaitApi(slug, 200).then().body("version", equalTo(1));
            given().when().get("/stories/" + slug).then().statusCode(200);
            assertEquals(
                    1,
                    Stories.announced(EventType.PUBLICATION_PUBLISHED, storyId),
                    "published once: the release that announced it was the only one");
        }
    }

    @Test
    void embargoedStoryKeepsItsCorrectionsQuietAndAKillBeforeItsTimeLeavesNoTrace() {
        String tag = Stories.tag();
        UUID corrected = UUID.randomUUID();
        UUID killed = UUID.randomUUID();
        StoryApproved story = Stories.approval(
                corrected, "Held draft " + tag, List.of(), Instant.now().plusSeconds(10));
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            stories.send(corrected, story);
            stories.send(corrected, Stories.correction(story, "Held final " + tag, "Fixed before release."));
            stories.send(
                    killed,
                    Stories.approval(
                            killed, "Never out " + tag, List.of(), Instant.now().plusSeconds(600)));
            stories.send(killed, Stories.kill(killed, "Spiked before release."));

            PublicationPublished published = EventCodec.decode(
                    publications
                            .await(Stories.event(EventType.PUBLICATION_PUBLISHED, corrected), Stories.WAIT)
                            .value(),
                    PublicationPublished.class);
            assertEquals("Held final " + tag, published.headline(), "released as corrected");
            assertEquals(1, published.version(), "readers never saw the draft: still version 1");
            Stories.awaitApi("held-draft-" + tag, 200)
                    .then()
                    .body("correctionNote", equalTo(null))
                    .body("versions.version", equalTo(List.of(1)));

            given().when().get("/api/publications/never-out-" + tag).then().statusCode(404);
            given().when().get("/stories/never-out-" + tag).then().statusCode(404);
            stories.awaitSentinel(killed, publications);
            assertEquals(0, Stories.announced(killed), "nothing about the spiked one");
            assertEquals(
                    0,
                    Stories.announced(EventType.PUBLICATION_UPDATED, corrected),
                    "its correction arrived before its release: nothing to announce");
        }
    }
}
