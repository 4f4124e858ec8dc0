package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.editorial.domain.StoryTransition;
import org.newsroom.events.EventCodec;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TestTokens;
import org.newsroom.testing.TopicWatcher;

@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class StoryResourceTest {
    private static CloudEventRecords records;

    private static UUID newStory(String headline) {
        return StoryFixtures.newStory(records, headline);
    }

    @Test
    void chiefEditorApprovesAndTheApprovalIsAnnounced() {
        UUID id = newStory("Ceasefire talks resume " + UUID.randomUUID());
        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            StoryFixtures.approve(CHIEF, id)
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("approvedBy", equalTo("chris"));

            ConsumerRecord<String, String> record =
                    editorial.await(r -> id.toString().equals(r.key()), Duration.ofSeconds(20));
            assertEquals("news.story.approved.v1", TopicWatcher.header(record, "ce_type"));
            StoryApproved event = EventCodec.decode(record.value(), StoryApproved.class);
            assertEquals(id, event.storyId());
            assertEquals("chris", event.approvedBy());
            assertEquals("The Harbor Ledger", event.attribution().outlet());
        }
        assertEquals(
                1L,
                QuarkusTransaction.requiringNew()
                        .call(() -> StoryTransition.count("storyId = ?1 and actor = ?2", id, "chris")),
                "the approval is audited");

        StoryFixtures.approve(CHIEF, id)
                .statusCode(409)
                .contentType("application/problem+json")
                // A publish-service on the same broker may already have confirmed the approval.
                .body("currentStatus", anyOf(equalTo("APPROVED"), equalTo("PUBLISHED")))
                .body("allowedTransitions", not(hasItem("APPROVED")));
    }

    /** Approve what you saw: without the ETag read nothing is approved, nor with one older than the copy. */
    @Test
    void approvalNeedsTheETagOfTheCopyRead() {
        UUID id = newStory("Tariff truce " + UUID.randomUUID());
        given().auth()
                .oauth2(CHIEF)
                .when()
                .post("/api/stories/" + id + "/approve")
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        String read = StoryFixtures.etag(CHIEF, id);
        given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .header("If-Match", read)
                .body("{\"headline\": \"Tariff truce collapses\"}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(CHIEF)
                .header("If-Match", read)
                .when()
                .post("/api/stories/" + id + "/approve")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("currentETag", equalTo(StoryFixtures.etag(CHIEF, id)));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("status", equalTo("NEW"))
                .body("approvedBy", nullValue());

        StoryFixtures.approve(CHIEF, id).statusCode(200).body("headline", equalTo("Tariff truce collapses"));
    }

    @Test
    void approvalNeedsAChiefEditorsToken() {
        UUID id = newStory("Budget vote delayed " + UUID.randomUUID());
        given().when().post("/api/stories/" + id + "/approve").then().statusCode(401);
        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/stories/" + id + "/approve")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2("not-a-token")
                .when()
                .post("/api/stories/" + id + "/approve")
                .then()
                .statusCode(401);

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("NEW"));
    }

    @Test
    void theQueueIsForEditorsOnly() {
        given().when().get("/api/stories").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.token("reader", "reader"))
                .when()
                .get("/api/stories")
                .then()
                .statusCode(403);
    }

    @Test
    void badRequestsGetProblems() {
        given().auth()
                .oauth2(CHIEF)
                .header("If-Match", "\"0\"")
                .when()
                .post("/api/stories/" + UUID.randomUUID() + "/approve")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories?limit=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit"));
    }
}
