package org.newsroom.editorial.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.events.ItemWithdrawn;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TopicWatcher;

/** The source moves on: updates never overwrite an editor's work, withdrawals and embargoes are respected. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class SourceChangesTest {
    private static CloudEventRecords records;

    private static ItemUpdated update(ItemIngested item, int version, String headline) {
        return new ItemUpdated(
                item.itemId(),
                version,
                item.source(),
                item.externalId(),
                item.url(),
                null,
                headline,
                "Updated summary.",
                item.byline(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                item.attribution(),
                item.publishedAt(),
                null,
                Instant.now());
    }

    /** The partner's next version of a full item: a new headline, body, photo and rights line. */
    private static ItemUpdated rewrite(ItemIngested item, int version, String headline, String body) {
        return new ItemUpdated(
                item.itemId(),
                version,
                item.source(),
                item.externalId(),
                item.url(),
                null,
                headline,
                item.summary(),
                item.byline(),
                body,
                null,
                "en",
                "https://wire.example/other.jpg",
                "Another photo",
                "Photo: Someone Else",
                "(c) 2026 Someone Else",
                item.attribution(),
                item.publishedAt(),
                null,
                Instant.now());
    }

    private static void publish(UUID id) {
        PublicationPublished publication = new PublicationPublished(
                UUID.randomUUID(),
                id,
                "s",
                "https://x.example/s",
                "h",
                null,
                null,
                new Attribution("o", null),
                1,
                Instant.now());
        records.send(
                StoryFixtures.PUBLICATIONS,
                publication.publicationId().toString(),
                "news.publication.published.v1",
                EventCodec.encode(publication));
        await().atMost(Duration.ofSeconds(60)).until(() -> field(id, "status").equals("PUBLISHED"));
    }

    private static void send(ItemIngested item, String type, Object payload) {
        records.send(StoryFixtures.ITEMS, item.itemId().toString(), type, EventCodec.encode(payload));
    }

    private static String field(UUID id, String path) {
        return String.valueOf(given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .statusCode(200)
                .extract()
                .<Object>path(path));
    }

    @Test
    void anUnEditedCopyFollowsTheSource() {
        ItemIngested item = StoryFixtures.item("Rates " + UUID.randomUUID());
        UUID id = StoryFixtures.newStory(records, item);
        send(item, "news.item.updated.v1", update(item, 2, "Rates cut by a quarter point"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> field(id, "headline").equals("Rates cut by a quarter point"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("sourceCopy.headline", equalTo("Rates cut by a quarter point"))
                .body("sourceChanged", equalTo(false))
                .body("sourceVersion", equalTo(2));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("action", hasItem("SOURCE_UPDATE"))
                .body(
                        "find { it.action == 'SOURCE_UPDATE' }.changes.headline.to",
                        equalTo("Rates cut by a quarter point"));
    }

    @Test
    void anEditedCopyIsKeptAndFlaggedWhenTheSourceChanges() {
        ItemIngested item = StoryFixtures.item("Strike " + UUID.randomUUID());
        UUID id = StoryFixtures.newStory(records, item);
        given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"headline\": \"Editor's headline\"}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(200);
        send(item, "news.item.updated.v1", update(item, 3, "Strike called off"));
        // An older version arriving late changes nothing.
        send(item, "news.item.updated.v1", update(item, 2, "Strike spreads"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> field(id, "sourceChanged").equals("true"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories?flag=sourceChanged&limit=200")
                .then()
                .body("id", hasItem(id.toString()))
                .body("sourceChanged", everyItem(equalTo(true)));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("headline", equalTo("Editor's headline"))
                .body("sourceCopy.headline", equalTo("Strike called off"))
                .body("sourceVersion", equalTo(3));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("find { it.action == 'SOURCE_CHANGED' }.changes.headline.to", equalTo("Strike called off"));
    }

    /** A NEW story takes the source's body, photo and rights as they change, with the edited copy unedited. */
    @Test
    void aStoryNotYetApprovedTakesTheSourcesBodyPhotoAndRights() {
        ItemIngested item = StoryFixtures.fullItem("Talks " + UUID.randomUUID(), null, null);
        UUID id = StoryFixtures.newStory(records, item);
        send(item, "news.item.updated.v1", rewrite(item, 2, "Talks resume", "<p>They are back.</p>"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> field(id, "sourceVersion").equals("2"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("headline", equalTo("Talks resume"))
                .body("bodyHtml", equalTo("<p>They are back.</p>"))
                .body("rights", equalTo("(c) 2026 Someone Else"))
                .body("sourceUpdatePending", equalTo(false))
                .body("pendingSourceUpdate", nullValue());
    }

    /** The photo's caption and credit and the rights line are the editors' copy too: a source update keeps them. */
    @Test
    void anEditedCaptionCreditAndRightsLineAreKeptWhenTheSourceChanges() {
        ItemIngested item = StoryFixtures.fullItem("Harvest " + UUID.randomUUID(), null, null);
        UUID id = StoryFixtures.newStory(records, item);
        given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"imageCaption\": \"Wheat near Poltava, in July\", \"imageCredit\": \"Photo: A. Editor\","
                        + " \"rights\": \"(c) 2026 The Harbor Ledger, used with permission\"}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(200)
                .body("imageCaption", equalTo("Wheat near Poltava, in July"))
                .body("sourceCopy.imageCaption", equalTo(item.imageCaption()));
        send(item, "news.item.updated.v1", rewrite(item, 2, "Harvest ends early", "<p>Done.</p>"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> field(id, "sourceChanged").equals("true"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("imageCaption", equalTo("Wheat near Poltava, in July"))
                .body("imageCredit", equalTo("Photo: A. Editor"))
                .body("rights", equalTo("(c) 2026 The Harbor Ledger, used with permission"))
                .body("sourceCopy.imageCaption", equalTo("Another photo"))
                .body("sourceCopy.rights", equalTo("(c) 2026 Someone Else"))
                .body("imageUrl", equalTo("https://wire.example/other.jpg"))
                .body("bodyHtml", equalTo("<p>Done.</p>"));
    }

    /**
     * What a chief editor approved does not change behind the editors' back: the update is held and shown, the
     * story flagged and listed, and only an editor's explicit apply (with the ETag read) takes it.
     */
    @Test
    void anApprovedStoryHoldsASourceUpdateUntilAnEditorAppliesIt() {
        ItemIngested item = StoryFixtures.fullItem("Summit " + UUID.randomUUID(), null, null);
        UUID id = StoryFixtures.newStory(records, item);
        StoryFixtures.approve(CHIEF, id).statusCode(200);
        send(item, "news.item.updated.v1", rewrite(item, 2, "Summit collapses", "<p>Rewritten.</p>"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> field(id, "sourceUpdatePending").equals("true"));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("headline", equalTo(item.headline()))
                .body("bodyHtml", equalTo("<p>Negotiators left without a deal.</p>"))
                .body("imageUrl", equalTo("https://wire.example/photo.jpg"))
                .body("rights", equalTo("(c) 2026 Global Wire"))
                .body("sourceCopy.headline", equalTo(item.headline()))
                .body("sourceVersion", equalTo(1))
                .body("pendingSourceUpdate.sourceVersion", equalTo(2))
                .body("pendingSourceUpdate.changes.bodyHtml.to", equalTo("<p>Rewritten.</p>"))
                .body("pendingSourceUpdate.changes.rights.from", equalTo("(c) 2026 Global Wire"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories?flag=sourceUpdatePending&limit=200")
                .then()
                .body("id", hasItem(id.toString()))
                .body("sourceUpdatePending", everyItem(equalTo(true)));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("find { it.action == 'SOURCE_HELD' }.changes.headline.to", equalTo("Summit collapses"))
                .body("find { it.action == 'SOURCE_HELD' }.actor", equalTo("ingest-service"));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/stories/" + id + "/source-update")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(EDITOR)
                .header("If-Match", StoryFixtures.etag(EDITOR, id))
                .when()
                .post("/api/stories/" + id + "/source-update")
                .then()
                .statusCode(200)
                .body("headline", equalTo("Summit collapses"))
                .body("bodyHtml", equalTo("<p>Rewritten.</p>"))
                .body("rights", equalTo("(c) 2026 Someone Else"))
                .body("status", equalTo("APPROVED"))
                .body("sourceVersion", equalTo(2))
                .body("sourceUpdatePending", equalTo(false));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("find { it.action == 'SOURCE_APPLIED' }.actor", equalTo("erin"))
                .body(
                        "find { it.action == 'SOURCE_APPLIED' }.changes.imageUrl.to",
                        equalTo("https://wire.example/other.jpg"));
        given().auth()
                .oauth2(EDITOR)
                .header("If-Match", StoryFixtures.etag(EDITOR, id))
                .when()
                .post("/api/stories/" + id + "/source-update")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    /**
     * A correction of a published story with an update held carries the approved copy, not the update; a
     * discarded update is not held again when it is delivered again, a newer one is.
     */
    @Test
    void aPublishedStorysCorrectionCarriesTheApprovedCopyAndADiscardedUpdateStaysDiscarded() {
        ItemIngested item = StoryFixtures.fullItem("Vote " + UUID.randomUUID(), null, null);
        UUID id = StoryFixtures.newStory(records, item);
        StoryFixtures.approve(CHIEF, id).statusCode(200);
        publish(id);
        send(item, "news.item.updated.v1", rewrite(item, 2, "Vote annulled", "<p>Injected.</p>"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> field(id, "sourceUpdatePending").equals("true"));

        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            StoryFixtures.move(CHIEF, id, "correct", "{\"note\": \"The turnout was misstated.\"}")
                    .statusCode(200);
            StoryCorrected corrected = EventCodec.decode(
                    editorial
                            .await(
                                    r -> id.toString().equals(r.key())
                                            && "news.story.corrected.v1".equals(TopicWatcher.header(r, "ce_type")),
                                    Duration.ofSeconds(30))
                            .value(),
                    StoryCorrected.class);
            assertEquals("<p>Negotiators left without a deal.</p>", corrected.bodyHtml());
            assertEquals("(c) 2026 Global Wire", corrected.rights());
            assertEquals(item.headline(), corrected.headline());
        }

        given().auth()
                .oauth2(EDITOR)
                .when()
                .delete("/api/stories/" + id + "/source-update")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(EDITOR)
                .header("If-Match", StoryFixtures.etag(EDITOR, id))
                .when()
                .delete("/api/stories/" + id + "/source-update")
                .then()
                .statusCode(200)
                .body("bodyHtml", equalTo("<p>Negotiators left without a deal.</p>"))
                .body("sourceUpdatePending", equalTo(false))
                .body("sourceVersion", equalTo(2));
        // Version 2 again (a new event), then version 3: only version 3 is held.
        send(item, "news.item.updated.v1", rewrite(item, 2, "Vote annulled", "<p>Injected.</p>"));
        send(item, "news.item.updated.v1", rewrite(item, 3, "Vote annulled again", "<p>Injected twice.</p>"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> field(id, "sourceUpdatePending").equals("true"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("pendingSourceUpdate.sourceVersion", equalTo(3))
                .body("bodyHtml", equalTo("<p>Negotiators left without a deal.</p>"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("findAll { it.action == 'SOURCE_HELD' }.size()", equalTo(2))
                .body("find { it.action == 'SOURCE_DISCARDED' }.changes.bodyHtml.to", equalTo("<p>Injected.</p>"));
    }

    @Test
    void aWithdrawnItemCannotBeApprovedAndAPublishedOneGetsAKillProposed() {
        ItemIngested fresh = StoryFixtures.item("Withdrawn early " + UUID.randomUUID());
        UUID freshId = StoryFixtures.newStory(records, fresh);
        ItemIngested published = StoryFixtures.item("Withdrawn late " + UUID.randomUUID());
        UUID publishedId = StoryFixtures.newStory(records, published);
        StoryFixtures.approve(CHIEF, publishedId).statusCode(200);
        publish(publishedId);

        send(
                fresh,
                "news.item.withdrawn.v1",
                new ItemWithdrawn(fresh.itemId(), fresh.source(), null, 2, "Partner cancelled", Instant.now()));
        send(
                published,
                "news.item.withdrawn.v1",
                new ItemWithdrawn(published.itemId(), published.source(), null, 2, "Partner cancelled", Instant.now()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> field(publishedId, "killProposed").equals("true"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !field(freshId, "withdrawnAt").equals("null"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + freshId)
                .then()
                .body("withdrawnReason", equalTo("Partner cancelled"))
                .body("killProposed", equalTo(false));
        // The chief editor's list of kills to decide, and the withdrawn ones.
        given().auth()
                .oauth2(CHIEF)
                .when()
                .get("/api/stories?flag=killProposed&limit=200")
                .then()
                .statusCode(200)
                .body("id", hasItem(publishedId.toString()))
                .body("id", not(hasItem(freshId.toString())))
                .body("killProposed", everyItem(equalTo(true)));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories?flag=withdrawn&source=" + fresh.source() + "&limit=200")
                .then()
                .body("id", hasItems(freshId.toString(), publishedId.toString()));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories?flag=urgent")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("flag"));
        StoryFixtures.approve(CHIEF, freshId).statusCode(409).contentType("application/problem+json");
        StoryFixtures.move(CHIEF, publishedId, "kill", "{\"reason\": \"Withdrawn by the partner\"}")
                .statusCode(200)
                .body("killProposed", equalTo(false));
    }

    @Test
    void anEmbargoedStoryCannotBeApprovedBeforeTheEmbargoLifts() {
        ItemIngested base = StoryFixtures.item("Embargoed report " + UUID.randomUUID());
        ItemIngested item = new ItemIngested(
                base.itemId(),
                base.source(),
                base.externalId(),
                base.url(),
                base.headline(),
                base.summary(),
                base.byline(),
                base.attribution(),
                base.publishedAt(),
                base.ingestedAt(),
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.now().plus(1, ChronoUnit.DAYS));
        UUID id = StoryFixtures.newStory(records, item);
        StoryFixtures.approve(CHIEF, id).statusCode(409).contentType("application/problem+json");
        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/stories/" + id + "/submit")
                .then()
                .statusCode(200);
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + id).then().body("status", equalTo("IN_REVIEW"));
    }
}
