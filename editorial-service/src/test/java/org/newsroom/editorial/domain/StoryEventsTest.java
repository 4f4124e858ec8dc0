package org.newsroom.editorial.domain;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TopicWatcher;

/** Approvals and corrections announce the full copy: the source's body, photo, rights, the editors' additions. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class StoryEventsTest {
    private static CloudEventRecords records;

    private static <T> T event(TopicWatcher editorial, UUID id, String type, Class<T> payload) {
        return EventCodec.decode(
                editorial
                        .await(
                                r -> id.toString().equals(r.key()) && type.equals(TopicWatcher.header(r, "ce_type")),
                                Duration.ofSeconds(30))
                        .value(),
                payload);
    }

    @Test
    void approvalAndCorrectionCarryTheFullCopy() {
        ItemIngested item = StoryFixtures.fullItem("Tariff talks stall " + UUID.randomUUID(), UUID.randomUUID(), null);
        UUID id = StoryFixtures.newStory(records, item);
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("sections", contains("Geoeconomics", "Trade"))
                .body("bodyHtml", equalTo("<p>Negotiators left without a deal.</p>"))
                .body("imageCredit", equalTo("Photo: P. Lens"))
                .body("rights", equalTo("(c) 2026 Global Wire"))
                .body("clusterId", equalTo(item.clusterId().toString()));

        given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"dateline": "GENEVA", "authorBio": "Jane Doe covers trade.",
                         "editorsNote": "Why it matters: the talks set tariffs for a year."}""")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(200)
                .body("dateline", equalTo("GENEVA"))
                .body("authorBio", equalTo("Jane Doe covers trade."));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("[1].action", equalTo("EDIT"))
                .body("[1].changes.dateline.to", equalTo("GENEVA"))
                .body("[1].changes.authorBio.from", equalTo(null))
                .body("[1].changes.authorBio.to", equalTo("Jane Doe covers trade."));

        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            StoryFixtures.approve(CHIEF, id).statusCode(200);
            StoryApproved approved = event(editorial, id, "news.story.approved.v1", StoryApproved.class);
            assertEquals(item.itemId(), approved.itemId());
            assertEquals("Why it matters: the talks set tariffs for a year.", approved.editorsNote());
            assertEquals(List.of("Geoeconomics", "Trade"), approved.sections());
            assertEquals("<p>Negotiators left without a deal.</p>", approved.bodyHtml());
            assertEquals("GENEVA", approved.dateline());
            assertEquals("https://wire.example/photo.jpg", approved.imageUrl());
            assertEquals("Negotiators in Geneva", approved.imageCaption());
            assertEquals("Photo: P. Lens", approved.imageCredit());
            assertEquals("(c) 2026 Global Wire", approved.rights());
            assertEquals("Jane Doe covers trade.", approved.authorBio());
            assertEquals(null, approved.embargoedUntil());
            assertEquals(new Attribution("Global Wire", "https://wire.example"), approved.attribution());

            PublicationPublished publication = new PublicationPublished(
                    UUID.randomUUID(),
                    id,
                    "tariffs",
                    "https://news.example/s/tariffs",
                    approved.headline(),
                    approved.summary(),
                    null,
                    approved.attribution(),
                    1,
                    Instant.now());
            records.send(
                    StoryFixtures.PUBLICATIONS,
                    publication.publicationId().toString(),
                    "news.publication.published.v1",
                    EventCodec.encode(publication));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "PUBLISHED"
                            .equals(given().auth()
                                    .oauth2(EDITOR)
                                    .when()
                                    .get("/api/stories/" + id)
                                    .then()
                                    .extract()
                                    .path("status")));

            StoryFixtures.move(
                            CHIEF, id, "correct", "{\"note\": \"The dateline was wrong.\", \"dateline\": \"BRUSSELS\"}")
                    .statusCode(200);
            StoryCorrected corrected = event(editorial, id, "news.story.corrected.v1", StoryCorrected.class);
            assertEquals("BRUSSELS", corrected.dateline());
            assertEquals("The dateline was wrong.", corrected.correctionNote());
            assertEquals(List.of("Geoeconomics", "Trade"), corrected.sections());
            assertEquals("<p>Negotiators left without a deal.</p>", corrected.bodyHtml());
            assertEquals("https://wire.example/photo.jpg", corrected.imageUrl());
            assertEquals("Negotiators in Geneva", corrected.imageCaption());
            assertEquals("Photo: P. Lens", corrected.imageCredit());
            assertEquals("(c) 2026 Global Wire", corrected.rights());
            assertEquals("Jane Doe covers trade.", corrected.authorBio());
            assertEquals("Why it matters: the talks set tariffs for a year.", corrected.editorsNote());
        }
    }

    @Test
    void datelineAndAuthorBioAreValidated() {
        UUID id = StoryFixtures.newStory(records, "Validated " + UUID.randomUUID());
        given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"dateline\": \"" + "X".repeat(201) + "\", \"authorBio\": 7}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("dateline", "authorBio"));
    }
}
