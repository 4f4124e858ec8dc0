package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.TopicWatcher;

/** From an approval on news.editorial to the public API, the page and news.publications, on the real broker. */
@QuarkusTest
class PublishingFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String APPROVED = EventType.STORY_APPROVED.type();

    private static CloudEventRecords records;

    @BeforeAll
    static void openProducer() {
        records = new CloudEventRecords();
    }

    @AfterAll
    static void closeProducer() {
        records.close();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static StoryApproved approval(UUID storyId, String headline) {
        return new StoryApproved(
                storyId,
                UUID.randomUUID(),
                headline,
                "Talks broke off <b>late</b> & abruptly.\n\nBoth sides blame\nthe other.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org/ledger?x=1&y=2"),
                "chief@newsroom.local",
                Instant.parse("2026-11-24T07:30:00Z"));
    }

    private static void send(String key, String eventId, StoryApproved story) {
        records.send(Topics.EDITORIAL, key, eventId, APPROVED, EventCodec.encode(story));
    }

    private static Response awaitPublication(String slug) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/api/publications/" + slug), r -> r.statusCode() == 200);
    }

    /** The topic is shared with other runs and services: records that are not ours, or not decodable, are skipped. */
    private static Predicate<ConsumerRecord<String, String>> publishedFor(UUID storyId) {
        return r -> {
            if (!EventType.PUBLICATION_PUBLISHED.type().equals(TopicWatcher.header(r, "ce_type"))
                    || r.value() == null
                    || !r.value().contains(storyId.toString())) {
                return false;
            }
            try {
                return storyId.equals(
                        EventCodec.decode(r.value(), PublicationPublished.class).storyId());
            } catch (RuntimeException notOurs) {
                return false;
            }
        };
    }

    @Test
    void approvedStoryIsPublishedOnTheApiThePageAndTheTopic() {
        String tag = tag();
        UUID storyId = UUID.randomUUID();
        String headline = "Tariff talks stall " + tag;
        String slug = "tariff-talks-stall-" + tag;
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            send(storyId.toString(), UUID.randomUUID().toString(), approval(storyId, headline));

            ConsumerRecord<String, String> record = publications.await(publishedFor(storyId), WAIT);
            assertEquals("1.0", TopicWatcher.header(record, "ce_specversion"));
            assertEquals("urn:newsroom:publish-service", TopicWatcher.header(record, "ce_source"));
            assertNotNull(TopicWatcher.header(record, "ce_id"));
            assertNotNull(TopicWatcher.header(record, "ce_time"));
            PublicationPublished event = EventCodec.decode(record.value(), PublicationPublished.class);
            assertEquals(event.publicationId().toString(), record.key());
            assertEquals(slug, event.slug());
            assertEquals("http://localhost:8083/stories/" + slug, event.url());
            assertEquals(headline, event.headline());
            assertEquals("The Harbor Ledger", event.attribution().outlet());
            assertEquals(1, event.version());

            awaitPublication(slug)
                    .then()
                    .body("id", equalTo(event.publicationId().toString()))
                    .body("storyId", equalTo(storyId.toString()))
                    .body("url", equalTo(event.url()))
                    .body("headline", equalTo(headline))
                    .body("byline", equalTo("A. Writer"))
                    .body("outlet", equalTo("The Harbor Ledger"))
                    .body("outletUrl", equalTo("https://example.org/ledger?x=1&y=2"))
                    .body("version", equalTo(1))
                    .body("publishedAt", equalTo(event.publishedAt().toString()));

            List<String> newest = given().when()
                    .get("/api/publications?limit=200")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("publishedAt", String.class);
            for (int i = 1; i < newest.size(); i++) {
                assertTrue(
                        Instant.parse(newest.get(i - 1)).compareTo(Instant.parse(newest.get(i))) >= 0, "newest first");
            }
            assertTrue(given().when()
                    .get("/api/publications?limit=200")
                    .jsonPath()
                    .getList("slug", String.class)
                    .contains(slug));

            String html = given().when()
                    .get("/stories/" + slug)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .extract()
                    .asString();
            assertTrue(html.startsWith("<!DOCTYPE html>"), html);
            assertTrue(html.contains("<html lang=\"en\">"), html);
            assertTrue(html.contains("<title>" + headline + " – newsroom</title>"), html);
            assertTrue(html.contains("<h1>" + headline + "</h1>"), html);
            assertTrue(html.contains("A. Writer"), html);
            assertTrue(html.contains("<p>Talks broke off &lt;b&gt;late&lt;/b&gt; &amp; abruptly.</p>"), html);
            assertTrue(html.contains("<p>Both sides blame\nthe other.</p>"), html);
            assertTrue(
                    html.contains("— <a href=\"https://example.org/ledger?x=1&amp;y=2\">The Harbor Ledger</a>"), html);
            String datetime =
                    event.publishedAt().truncatedTo(ChronoUnit.SECONDS).toString();
            assertTrue(html.contains("<time datetime=\"" + datetime + "\">"), html);
        }
    }

    @Test
    void redeliveredAndReapprovedStoryIsPublishedOnce() {
        String tag = tag();
        UUID storyId = UUID.randomUUID();
        String slug = "markets-rally-" + tag;
        StoryApproved story = approval(storyId, "Markets rally " + tag);
        String key = storyId.toString();
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            String eventId = UUID.randomUUID().toString();
            send(key, eventId, story);
            send(key, eventId, story);
            send(key, UUID.randomUUID().toString(), story);
            stories.awaitSentinel(storyId, publications);

            awaitPublication(slug).then().body("storyId", equalTo(storyId.toString()));
            given().when().get("/api/publications/" + slug + "-2").then().statusCode(404);
            assertEquals(1, Stories.announced(EventType.PUBLICATION_PUBLISHED, storyId), "one publication, one event");
        }
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheConsumerMovesOn() {
        String tag = tag();
        UUID storyId = UUID.randomUUID();
        String key = storyId.toString();
        try (TopicWatcher dlq = TopicWatcher.open(Topics.deadLetter(Topics.EDITORIAL))) {
            String raw = "no cloud event " + tag;
            records.sendRaw(Topics.EDITORIAL, key, raw);
            String broken = "{\"storyId\":\"" + storyId + "\", " + tag;
            records.send(Topics.EDITORIAL, key, UUID.randomUUID().toString(), APPROVED, broken);
            String incomplete = "{\"storyId\":\"" + storyId + "\",\"tag\":\"" + tag + "\"}";
            records.send(Topics.EDITORIAL, key, UUID.randomUUID().toString(), APPROVED, incomplete);
            send(key, UUID.randomUUID().toString(), approval(storyId, "After the poison " + tag));

            for (String value : List.of(raw, broken, incomplete)) {
                ConsumerRecord<String, String> dead = dlq.await(r -> value.equals(r.value()), WAIT);
                assertEquals(key, dead.key());
                assertNotNull(TopicWatcher.header(dead, "dead-letter-reason"), "reason of " + value);
            }
            awaitPublication("after-the-poison-" + tag).then().body("storyId", equalTo(key));
        }
    }

    @Test
    void headlinesThatSlugAlikeGetDistinctSlugs() {
        String tag = tag();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        send(first.toString(), UUID.randomUUID().toString(), approval(first, "Oil prices rise " + tag + "!"));
        send(second.toString(), UUID.randomUUID().toString(), approval(second, "oil-prices: RISE " + tag));

        String slug = "oil-prices-rise-" + tag;
        String a = awaitPublication(slug).jsonPath().getString("storyId");
        String b = awaitPublication(slug + "-2").jsonPath().getString("storyId");
        assertEquals(Set.of(first.toString(), second.toString()), Set.of(a, b));
    }
}
