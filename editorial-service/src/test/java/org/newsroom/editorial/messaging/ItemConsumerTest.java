package org.newsroom.editorial.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.editorial.domain.Story;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TestTokens;
import org.newsroom.testing.TopicWatcher;

@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class ItemConsumerTest {
    private static CloudEventRecords records;
    private static final String TYPE = "news.item.ingested.v1";

    private static long storiesFor(UUID itemId) {
        return QuarkusTransaction.requiringNew().call(() -> Story.count("itemId", itemId));
    }

    @Test
    void itemEventBecomesANewStoryInTheQueue() {
        ItemIngested item = StoryFixtures.item("Grain corridor reopens " + UUID.randomUUID());
        records.send(StoryFixtures.ITEMS, item.itemId().toString(), TYPE, StoryFixtures.json(item));

        await().atMost(Duration.ofSeconds(20)).until(() -> storiesFor(item.itemId()) == 1);
        given().auth()
                .oauth2(TestTokens.token("erin", "editor"))
                .when()
                .get("/api/stories?status=NEW&limit=200")
                .then()
                .statusCode(200)
                .body("find { it.itemId == '" + item.itemId() + "' }.headline", equalTo(item.headline()))
                .body("find { it.itemId == '" + item.itemId() + "' }.outlet", equalTo("The Harbor Ledger"));
    }

    /** A feed entry without a link is still news: ingest announces it with no url. */
    @Test
    void anItemWithoutALinkBecomesAStoryWithoutOne() {
        ItemIngested linked = StoryFixtures.item("Budget passes overnight " + UUID.randomUUID());
        ItemIngested item = new ItemIngested(
                linked.itemId(),
                linked.source(),
                "feed-guid-" + UUID.randomUUID(),
                null,
                linked.headline(),
                linked.summary(),
                linked.byline(),
                linked.attribution(),
                linked.publishedAt(),
                linked.ingestedAt());
        records.send(StoryFixtures.ITEMS, item.itemId().toString(), TYPE, StoryFixtures.json(item));

        await().atMost(Duration.ofSeconds(20)).until(() -> storiesFor(item.itemId()) == 1);
        Story story = QuarkusTransaction.requiringNew()
                .call(() -> Story.<Story>find("itemId", item.itemId()).firstResult());
        assertEquals(item.headline(), story.headline);
        assertNull(story.url);
    }

    @Test
    void redeliveredItemEventCreatesOneStory() throws InterruptedException {
        ItemIngested item = StoryFixtures.item("Rates on hold " + UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();
        records.send(StoryFixtures.ITEMS, item.itemId().toString(), eventId, TYPE, StoryFixtures.json(item));
        records.send(StoryFixtures.ITEMS, item.itemId().toString(), eventId, TYPE, StoryFixtures.json(item));
        // A re-emitted event (new id, same item) is also absorbed, by the item's natural key.
        records.send(StoryFixtures.ITEMS, item.itemId().toString(), TYPE, StoryFixtures.json(item));
        String marker = markerAfter(item.itemId().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> storiesFor(UUID.fromString(marker)) == 1);
        assertEquals(1, storiesFor(item.itemId()));
    }

    /** Sends one more event on the same key (so the same partition): once it is applied, the ones before are too. */
    private static String markerAfter(String key) {
        ItemIngested marker = StoryFixtures.item("marker");
        records.send(StoryFixtures.ITEMS, key, TYPE, StoryFixtures.json(marker));
        return marker.itemId().toString();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerMovesOn() {
        String key = UUID.randomUUID().toString();
        try (TopicWatcher dlq = TopicWatcher.open(Topics.deadLetter(StoryFixtures.ITEMS))) {
            records.sendRaw(StoryFixtures.ITEMS, key, "{\"headline\":\"no CloudEvents headers\"}");
            records.send(StoryFixtures.ITEMS, key, TYPE, "{not json");
            records.send(StoryFixtures.ITEMS, key, TYPE, "{\"itemId\":\"" + UUID.randomUUID() + "\"}");

            var dead = dlq.awaitCount(r -> key.equals(r.key()), 3, Duration.ofSeconds(30));
            dead.forEach(r -> assertNotNull(TopicWatcher.header(r, "dead-letter-reason")));
            ConsumerRecord<String, String> missingField = dead.get(2);
            assertEquals(
                    true,
                    TopicWatcher.header(missingField, "dead-letter-reason").contains("source"));
        }
        ItemIngested after = StoryFixtures.item("After the poison " + UUID.randomUUID());
        records.send(StoryFixtures.ITEMS, key, TYPE, StoryFixtures.json(after));
        await().atMost(Duration.ofSeconds(20)).until(() -> storiesFor(after.itemId()) == 1);
    }
}
