package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.StoryKilled;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TopicWatcher;

/** The workflow state machine, its roles, and the events it announces. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class WorkflowTest {
    private static CloudEventRecords records;
    private static final String PUBLISHED = "news.publication.published.v1";

    /** A move of the story as read just now (its current ETag in If-Match; none for a story that does not exist). */
    private static ValidatableResponse move(String token, UUID id, String action, String body) {
        var request = given().auth().oauth2(token);
        String etag = given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .extract()
                .header("ETag");
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/stories/" + id + "/" + action).then();
    }

    private static String status(UUID id) {
        return given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .extract()
                .path("status");
    }

    private static PublicationPublished publication(UUID storyId) {
        return new PublicationPublished(
                UUID.randomUUID(),
                storyId,
                "slug-" + storyId,
                "https://news.example/s/" + storyId,
                "Published headline",
                "Summary.",
                null,
                new Attribution("The Harbor Ledger", null),
                1,
                Instant.now());
    }

    @Test
    void submitReviewRejectResubmitApprove() {
        UUID id = StoryFixtures.newStory(records, "Central bank review " + UUID.randomUUID());
        move(EDITOR, id, "submit", null)
                .statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("allowedTransitions", containsInAnyOrder("APPROVED", "REJECTED"));
        move(EDITOR, id, "approve", null).statusCode(403);
        move(EDITOR, id, "reject", "{\"reason\": \"x\"}").statusCode(403);
        move(EDITOR, id, "submit", null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("currentStatus", equalTo("IN_REVIEW"))
                .body("allowedTransitions", containsInAnyOrder("APPROVED", "REJECTED"));

        move(CHIEF, id, "reject", "{\"reason\": \"Needs a second source\"}")
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        // Rejected copy can be reworked and submitted again.
        given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .header("If-Match", StoryFixtures.etag(EDITOR, id))
                .body("{\"summary\": \"Now with two sources.\"}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(200);
        move(EDITOR, id, "submit", null).statusCode(200).body("status", equalTo("IN_REVIEW"));
        move(CHIEF, id, "approve", null)
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo("chris"));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("RECEIVE", "SUBMIT", "REJECT", "EDIT", "SUBMIT", "APPROVE"))
                .body("toStatus", contains("NEW", "IN_REVIEW", "REJECTED", "REJECTED", "IN_REVIEW", "APPROVED"))
                .body("[2].reason", equalTo("Needs a second source"))
                .body("[2].actor", equalTo("chris"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("history.action", contains("RECEIVE", "SUBMIT", "REJECT", "EDIT", "SUBMIT", "APPROVE"));
    }

    @Test
    void onlyPublishedStoriesCanBeCorrectedOrKilled() {
        UUID id = StoryFixtures.newStory(records, "Harvest outlook " + UUID.randomUUID());
        move(CHIEF, id, "kill", "{\"reason\": \"wrong\"}")
                .statusCode(409)
                .body("currentStatus", equalTo("NEW"))
                .body("allowedTransitions", containsInAnyOrder("IN_REVIEW", "APPROVED"));
        move(CHIEF, id, "reject", null).statusCode(409).body("currentStatus", equalTo("NEW"));
        move(CHIEF, id, "approve", null).statusCode(200);
        move(CHIEF, id, "correct", "{\"note\": \"typo\"}")
                .statusCode(409)
                .body("currentStatus", equalTo("APPROVED"))
                .body("allowedTransitions", contains("PUBLISHED"));
        move(CHIEF, UUID.randomUUID(), "submit", null).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void publicationConfirmsThenCorrectionAndKillAreAnnounced() {
        UUID id = StoryFixtures.newStory(records, "Pipeline deal signed " + UUID.randomUUID());
        move(CHIEF, id, "approve", null).statusCode(200);

        // publish-service confirms, at least once: the same event twice and a re-publication move it once.
        PublicationPublished publication = publication(id);
        String eventId = UUID.randomUUID().toString();
        String json = EventCodec.encode(publication);
        records.send(StoryFixtures.PUBLICATIONS, publication.publicationId().toString(), eventId, PUBLISHED, json);
        records.send(StoryFixtures.PUBLICATIONS, publication.publicationId().toString(), eventId, PUBLISHED, json);
        records.send(StoryFixtures.PUBLICATIONS, publication.publicationId().toString(), PUBLISHED, json);
        await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED".equals(status(id)));
        // A publish-service on the same broker may confirm the approval first; either confirmation moves it once.
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("publicationUrl", notNullValue())
                .body("allowedTransitions", containsInAnyOrder("CORRECTED", "KILLED"));

        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            move(CHIEF, id, "correct", "{\"headline\": \"Pipeline deal signed in Baku\"}")
                    .statusCode(400)
                    .body("errors.field", contains("note"));
            move(EDITOR, id, "correct", "{\"note\": \"x\"}").statusCode(403);
            move(CHIEF, id, "correct", """
                    {"note": "An earlier version misnamed the city.", "headline": "Pipeline deal signed in Baku"}""")
                    .statusCode(200)
                    .body("status", equalTo("CORRECTED"))
                    .body("correctionNote", equalTo("An earlier version misnamed the city."))
                    .body("headline", equalTo("Pipeline deal signed in Baku"));
            ConsumerRecord<String, String> corrected = editorial.await(
                    r -> id.toString().equals(r.key())
                            && "news.story.corrected.v1".equals(TopicWatcher.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            StoryCorrected correction = EventCodec.decode(corrected.value(), StoryCorrected.class);
            assertEquals("Pipeline deal signed in Baku", correction.headline());
            assertEquals("An earlier version misnamed the city.", correction.correctionNote());
            assertEquals("chris", correction.correctedBy());

            move(CHIEF, id, "kill", "{}").statusCode(400).body("errors.field", contains("reason"));
            move(EDITOR, id, "kill", "{\"reason\": \"x\"}").statusCode(403);
            move(CHIEF, id, "kill", "{\"reason\": \"The deal was never signed.\"}")
                    .statusCode(200)
                    .body("status", equalTo("KILLED"))
                    .body("killReason", equalTo("The deal was never signed."))
                    .body("allowedTransitions", empty());
            ConsumerRecord<String, String> killed = editorial.await(
                    r -> id.toString().equals(r.key())
                            && "news.story.killed.v1".equals(TopicWatcher.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            StoryKilled kill = EventCodec.decode(killed.value(), StoryKilled.class);
            assertEquals("The deal was never signed.", kill.reason());
            assertEquals(id, kill.storyId());
        }
        move(CHIEF, id, "kill", "{\"reason\": \"again\"}")
                .statusCode(409)
                .body("currentStatus", equalTo("KILLED"))
                .body("allowedTransitions", empty());

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("action", contains("RECEIVE", "APPROVE", "PUBLISH", "CORRECT", "KILL"))
                .body("[2].actor", equalTo("publish-service"))
                .body("[3].changes.headline.to", equalTo("Pipeline deal signed in Baku"))
                .body("[3].reason", equalTo("An earlier version misnamed the city."))
                .body("[4].fromStatus", equalTo("CORRECTED"));
    }

    /** A correction or a kill of a copy that changed since it was read (or without saying which) changes nothing. */
    @Test
    void correctionAndKillNeedTheETagOfTheCopyRead() {
        UUID id = StoryFixtures.newStory(records, "Grain corridor reopens " + UUID.randomUUID());
        move(CHIEF, id, "approve", null).statusCode(200);
        records.send(
                StoryFixtures.PUBLICATIONS,
                UUID.randomUUID().toString(),
                PUBLISHED,
                EventCodec.encode(publication(id)));
        await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED".equals(status(id)));
        String read = StoryFixtures.etag(CHIEF, id);

        Map<String, String> bodies = Map.of("correct", "{\"note\": \"n\"}", "kill", "{\"reason\": \"r\"}");
        bodies.forEach((action, body) -> given().auth()
                .oauth2(CHIEF)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/stories/" + id + "/" + action)
                .then()
                .statusCode(428)
                .contentType("application/problem+json"));
        move(CHIEF, id, "correct", "{\"note\": \"An earlier version misnamed the port.\"}")
                .statusCode(200);
        bodies.forEach((action, body) -> given().auth()
                .oauth2(CHIEF)
                .header("If-Match", read)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/stories/" + id + "/" + action)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("currentETag", equalTo(StoryFixtures.etag(CHIEF, id))));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("status", equalTo("CORRECTED"))
                .body("correctionNote", equalTo("An earlier version misnamed the port."));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("action", contains("RECEIVE", "APPROVE", "PUBLISH", "CORRECT"));
    }

    @Test
    void publicationsOfOtherStoriesAndPoisonRecordsDoNotStopTheConsumer() {
        UUID id = StoryFixtures.newStory(records, "Port strike ends " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        try (TopicWatcher dlq = TopicWatcher.open(Topics.deadLetter(StoryFixtures.PUBLICATIONS))) {
            records.send(StoryFixtures.PUBLICATIONS, key, PUBLISHED, "{not json");
            ConsumerRecord<String, String> dead = dlq.await(r -> key.equals(r.key()), Duration.ofSeconds(60));
            assertNotNull(TopicWatcher.header(dead, "dead-letter-reason"));
        }
        // A publication of a story that is not APPROVED (here: NEW) or unknown changes nothing.
        records.send(StoryFixtures.PUBLICATIONS, key, PUBLISHED, EventCodec.encode(publication(id)));
        records.send(StoryFixtures.PUBLICATIONS, key, PUBLISHED, EventCodec.encode(publication(UUID.randomUUID())));
        UUID approved = StoryFixtures.newStory(records, "Port strike talks " + UUID.randomUUID());
        move(CHIEF, approved, "approve", null).statusCode(200);
        records.send(StoryFixtures.PUBLICATIONS, key, PUBLISHED, EventCodec.encode(publication(approved)));
        await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED".equals(status(approved)));
        assertEquals("NEW", status(id));
        assertEquals(
                List.of("RECEIVE"),
                given().auth()
                        .oauth2(EDITOR)
                        .when()
                        .get("/api/stories/" + id + "/history")
                        .then()
                        .extract()
                        .path("action"));
    }
}
