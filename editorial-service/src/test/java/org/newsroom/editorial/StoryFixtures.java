package org.newsroom.editorial;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.newsroom.editorial.domain.Story;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.TestTokens;

/** Item events as ingest-service writes them, and stories made from them through the real broker. */
public final class StoryFixtures {
    /** news.items, unless NEWSROOM_TEST_ITEMS_TOPIC moves the run to its own topic (see application.properties). */
    public static final String ITEMS = System.getenv().getOrDefault("NEWSROOM_TEST_ITEMS_TOPIC", Topics.ITEMS);
    /** news.publications, unless NEWSROOM_TEST_PUBLICATIONS_TOPIC moves the run to its own topic (ditto). */
    public static final String PUBLICATIONS =
            System.getenv().getOrDefault("NEWSROOM_TEST_PUBLICATIONS_TOPIC", Topics.PUBLICATIONS);
    /** The chief editor and the editor every test acts as (test tokens live an hour: longer than the suite). */
    public static final String CHIEF = TestTokens.token("chris", "chief-editor");

    public static final String EDITOR = TestTokens.token("erin", "editor");

    private StoryFixtures() {}

    public static ItemIngested item(String headline) {
        return item("wire-desk", headline);
    }

    public static ItemIngested item(String source, String headline) {
        return new ItemIngested(
                UUID.randomUUID(),
                source,
                UUID.randomUUID().toString(),
                "https://example.org/" + UUID.randomUUID(),
                headline,
                "One.\n\nTwo.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org"),
                Instant.parse("2026-11-24T07:30:00Z"),
                Instant.now());
    }

    /** An item with the full copy of a partner's lead story: body, photo, rights, sections, cluster, embargo. */
    public static ItemIngested fullItem(String headline, UUID clusterId, Instant embargoedUntil) {
        return new ItemIngested(
                UUID.randomUUID(),
                "global-wire",
                UUID.randomUUID().toString(),
                "https://example.org/" + UUID.randomUUID(),
                headline,
                "One.\n\nTwo.",
                "Jane Doe",
                new Attribution("Global Wire", "https://wire.example"),
                Instant.parse("2026-11-24T07:30:00Z"),
                Instant.now(),
                1,
                null,
                "<p>Negotiators left without a deal.</p>",
                "Negotiators left without a deal.",
                "en",
                "https://wire.example/photo.jpg",
                "Negotiators in Geneva",
                "Photo: P. Lens",
                "(c) 2026 Global Wire",
                embargoedUntil,
                clusterId,
                List.of("Geoeconomics", "Trade"));
    }

    public static String json(ItemIngested item) {
        return EventCodec.encode(item);
    }

    /** Sends the item on news.items and waits until editorial-service made it a story; answers the story id. */
    public static UUID newStory(CloudEventRecords records, ItemIngested item) {
        records.send(ITEMS, item.itemId().toString(), "news.item.ingested.v1", json(item));
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> QuarkusTransaction.requiringNew()
                                .call(() -> Story.findByItemId(item.itemId()).map(s -> s.id)),
                        Optional::isPresent)
                .orElseThrow();
    }

    public static UUID newStory(CloudEventRecords records, String headline) {
        return newStory(records, item(headline));
    }

    /** The story's current ETag, as an editor reads it. */
    public static String etag(String token, UUID id) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/stories/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** Approves the story as the chief editor read it just now (its current ETag in If-Match), at once. */
    public static ValidatableResponse approve(String token, UUID id) {
        return given().auth()
                .oauth2(token)
                .header("If-Match", etag(token, id))
                .when()
                .post("/api/stories/" + id + "/approve")
                .then();
    }

    /** A workflow move with a JSON body (correct, kill, approve with publishAt) of the story as read just now. */
    public static ValidatableResponse move(String token, UUID id, String action, String json) {
        return given().auth()
                .oauth2(token)
                .header("If-Match", etag(token, id))
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/stories/" + id + "/" + action)
                .then();
    }
}
