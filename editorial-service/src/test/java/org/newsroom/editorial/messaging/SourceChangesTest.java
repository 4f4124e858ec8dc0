package org.newsroom.editorial.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.events.ItemWithdrawn;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.TestTokens;

/** The source moves on: updates never overwrite an editor's work, withdrawals and embargoes are respected. */
@QuarkusTest
class SourceChangesTest {
    private static final CloudEventRecords RECORDS = new CloudEventRecords();
    private static final String EDITOR = TestTokens.token("erin", "editor");
    private static final String CHIEF = TestTokens.token("chris", "chief-editor");

    @AfterAll
    static void close() {
        RECORDS.close();
    }

    private static ItemUpdated update(ItemIngested item, int version, String headline) {
        return new ItemUpdated(item.itemId(), version, item.source(), item.externalId(), item.url(), null, headline,
                "Updated summary.", item.byline(), null, null, null, null, null, null, null, item.attribution(),
                item.publishedAt(), null, Instant.now());
    }

    private static void send(ItemIngested item, String type, Object payload) {
        RECORDS.send(StoryFixtures.ITEMS, item.itemId().toString(), type, EventCodec.encode(payload));
    }

    private static String field(UUID id, String path) {
        return String.valueOf(given().auth().oauth2(EDITOR).when().get("/api/stories/" + id).then()
                .statusCode(200).extract().<Object>path(path));
    }

    @Test
    void anUnEditedCopyFollowsTheSource() {
        ItemIngested item = StoryFixtures.item("Rates " + UUID.randomUUID());
        UUID id = StoryFixtures.newStory(RECORDS, item);
        send(item, "news.item.updated.v1", update(item, 2, "Rates cut by a quarter point"));
        await().atMost(Duration.ofSeconds(60)).until(() -> field(id, "headline").equals("Rates cut by a quarter point"));
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + id).then()
                .body("sourceCopy.headline", equalTo("Rates cut by a quarter point"))
                .body("sourceChanged", equalTo(false))
                .body("sourceVersion", equalTo(2));
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + id + "/history").then()
                .body("action", hasItem("SOURCE_UPDATE"))
                .body("find { it.action == 'SOURCE_UPDATE' }.changes.headline.to",
                        equalTo("Rates cut by a quarter point"));
    }

    @Test
    void anEditedCopyIsKeptAndFlaggedWhenTheSourceChanges() {
        ItemIngested item = StoryFixtures.item("Strike " + UUID.randomUUID());
        UUID id = StoryFixtures.newStory(RECORDS, item);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"headline\": \"Editor's headline\"}").when().patch("/api/stories/" + id)
                .then().statusCode(200);
        send(item, "news.item.updated.v1", update(item, 3, "Strike called off"));
        // An older version arriving late changes nothing.
        send(item, "news.item.updated.v1", update(item, 2, "Strike spreads"));
        await().atMost(Duration.ofSeconds(60)).until(() -> field(id, "sourceChanged").equals("true"));
        given().auth().oauth2(EDITOR).when().get("/api/stories?flag=sourceChanged&limit=200").then()
                .body("id", hasItem(id.toString())).body("sourceChanged", everyItem(equalTo(true)));
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + id).then()
                .body("headline", equalTo("Editor's headline"))
                .body("sourceCopy.headline", equalTo("Strike called off"))
                .body("sourceVersion", equalTo(3));
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + id + "/history").then()
                .body("find { it.action == 'SOURCE_CHANGED' }.changes.headline.to", equalTo("Strike called off"));
    }

    @Test
    void aWithdrawnItemCannotBeApprovedAndAPublishedOneGetsAKillProposed() {
        ItemIngested fresh = StoryFixtures.item("Withdrawn early " + UUID.randomUUID());
        UUID freshId = StoryFixtures.newStory(RECORDS, fresh);
        ItemIngested published = StoryFixtures.item("Withdrawn late " + UUID.randomUUID());
        UUID publishedId = StoryFixtures.newStory(RECORDS, published);
        given().auth().oauth2(CHIEF).when().post("/api/stories/" + publishedId + "/approve").then().statusCode(200);
        PublicationPublished publication = new PublicationPublished(UUID.randomUUID(), publishedId, "s", "https://x.example/s",
                "h", null, null, new Attribution("o", null), 1, Instant.now());
        RECORDS.send(Topics.PUBLICATIONS, publication.publicationId().toString(), "news.publication.published.v1",
                EventCodec.encode(publication));
        await().atMost(Duration.ofSeconds(60)).until(() -> field(publishedId, "status").equals("PUBLISHED"));

        send(fresh, "news.item.withdrawn.v1", new ItemWithdrawn(fresh.itemId(), fresh.source(), null, 2,
                "Partner cancelled", Instant.now()));
        send(published, "news.item.withdrawn.v1", new ItemWithdrawn(published.itemId(), published.source(), null, 2,
                "Partner cancelled", Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> field(publishedId, "killProposed").equals("true"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !field(freshId, "withdrawnAt").equals("null"));
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + freshId).then()
                .body("withdrawnReason", equalTo("Partner cancelled")).body("killProposed", equalTo(false));
        // The chief editor's list of kills to decide, and the withdrawn ones.
        given().auth().oauth2(CHIEF).when().get("/api/stories?flag=killProposed&limit=200").then().statusCode(200)
                .body("id", hasItem(publishedId.toString()))
                .body("id", not(hasItem(freshId.toString())))
                .body("killProposed", everyItem(equalTo(true)));
        given().auth().oauth2(EDITOR).when().get("/api/stories?flag=withdrawn&source=" + fresh.source()
                + "&limit=200").then().body("id", hasItems(freshId.toString(), publishedId.toString()));
        given().auth().oauth2(EDITOR).when().get("/api/stories?flag=urgent").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("flag"));
        given().auth().oauth2(CHIEF).when().post("/api/stories/" + freshId + "/approve").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(CHIEF).contentType(ContentType.JSON).body("{\"reason\": \"Withdrawn by the partner\"}")
                .when().post("/api/stories/" + publishedId + "/kill").then().statusCode(200)
                .body("killProposed", equalTo(false));
    }

    @Test
    void anEmbargoedStoryCannotBeApprovedBeforeTheEmbargoLifts() {
        ItemIngested base = StoryFixtures.item("Embargoed report " + UUID.randomUUID());
        ItemIngested item = new ItemIngested(base.itemId(), base.source(), base.externalId(), base.url(),
                base.headline(), base.summary(), base.byline(), base.attribution(), base.publishedAt(),
                base.ingestedAt(), 1, null, null, null, null, null, null, null, null,
                Instant.now().plus(1, ChronoUnit.DAYS));
        UUID id = StoryFixtures.newStory(RECORDS, item);
        given().auth().oauth2(CHIEF).when().post("/api/stories/" + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(EDITOR).when().post("/api/stories/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + id).then().body("status", equalTo("IN_REVIEW"));
    }
}
