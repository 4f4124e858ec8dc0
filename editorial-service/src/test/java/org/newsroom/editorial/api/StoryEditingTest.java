package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.EventCodec;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TestTokens;
import org.newsroom.testing.TopicWatcher;

/** Editing with optimistic concurrency: ETag on every read, If-Match on every edit, 412 on a stale one, audited. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class StoryEditingTest {
    private static CloudEventRecords records;
    private static final String OTHER_EDITOR = TestTokens.token("omar", "editor");

    private static io.restassured.response.ValidatableResponse patch(
            String token, UUID id, String ifMatch, String json) {
        var request = given().auth()
                .oauth2(token)
                .contentType("application/merge-patch+json")
                .body(json);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().patch("/api/stories/" + id).then();
    }

    @Test
    void anEditChangesTheEditedCopyKeepsTheSourceCopyAndIsAudited() {
        UUID id = StoryFixtures.newStory(records, "Ceasefire talks resume " + UUID.randomUUID());
        String etag = given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .statusCode(200)
                .body("etag", equalTo("\"0\""))
                .body("edited", equalTo(false))
                .extract()
                .header("ETag");
        assertEquals("\"0\"", etag);

        String newEtag = patch(EDITOR, id, etag, """
                {"headline": "Talks resume in Doha", "summary": "First paragraph.\\n\\nSecond one.",
                 "editorsNote": "Why it matters: the third attempt this year.", "sections": ["Geopolitics"],
                 "outlet": "The Gulf Courier", "outletUrl": "https://courier.example/doha", "assignee": "erin"}""")
                .statusCode(200)
                .body("headline", equalTo("Talks resume in Doha"))
                .body("summaryParagraphs", contains("First paragraph.", "Second one."))
                .body("editorsNote", equalTo("Why it matters: the third attempt this year."))
                .body("sections", contains("Geopolitics"))
                .body("outlet", equalTo("The Gulf Courier"))
                .body("assignee", equalTo("erin"))
                .body("edited", equalTo(true))
                .body("updatedBy", equalTo("erin"))
                .body("sourceCopy.headline", not(equalTo("Talks resume in Doha")))
                .body("sourceCopy.outlet", equalTo("The Harbor Ledger"))
                .body("sourceCopy.summary", equalTo("One.\n\nTwo."))
                .extract()
                .header("ETag");
        assertNotEquals(etag, newEtag);

        // Clearing an optional field with null; a field left out stays as it was.
        patch(EDITOR, id, newEtag, "{\"editorsNote\": null}")
                .statusCode(200)
                .body("editorsNote", nullValue())
                .body("headline", equalTo("Talks resume in Doha"));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("RECEIVE", "EDIT", "EDIT"))
                .body("[1].actor", equalTo("erin"))
                .body("[1].fromStatus", equalTo("NEW"))
                .body("[1].toStatus", equalTo("NEW"))
                .body("[1].changes.headline.to", equalTo("Talks resume in Doha"))
                .body("[1].changes.outlet.from", equalTo("The Harbor Ledger"))
                .body("[1].changes.sections.to", contains("Geopolitics"))
                .body("[2].changes.editorsNote.from", equalTo("Why it matters: the third attempt this year."))
                .body("[2].changes.editorsNote.to", nullValue())
                .body("[2].changes.keySet()", contains("editorsNote"));
    }

    @Test
    void anEditWithoutIfMatchIsRefusedWith428() {
        UUID id = StoryFixtures.newStory(records, "Rates on hold " + UUID.randomUUID());
        patch(EDITOR, id, null, "{\"headline\": \"Rates stay\"}")
                .statusCode(428)
                .contentType("application/problem+json");
        patch(EDITOR, id, "*", "{\"headline\": \"Rates stay\"}")
                .statusCode(428)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("headline", not(equalTo("Rates stay")))
                .header("ETag", equalTo("\"0\""));
    }

    @Test
    void theSecondOfTwoEditsOfTheSameVersionGets412AndOverwritesNothing() {
        UUID id = StoryFixtures.newStory(records, "Budget vote delayed " + UUID.randomUUID());
        String read = StoryFixtures.etag(EDITOR, id);

        patch(EDITOR, id, read, "{\"headline\": \"Erin's headline\"}").statusCode(200);
        patch(OTHER_EDITOR, id, read, "{\"headline\": \"Omar's headline\", \"byline\": \"O. Mar\"}")
                .statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", equalTo("\"1\""))
                .body("currentETag", equalTo("\"1\""))
                .body("currentVersion", equalTo(1));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("headline", equalTo("Erin's headline"))
                .body("byline", equalTo("A. Writer"));
        // Omar reloads and applies his change on top of Erin's.
        patch(OTHER_EDITOR, id, StoryFixtures.etag(OTHER_EDITOR, id), "{\"byline\": \"O. Mar\"}")
                .statusCode(200)
                .body("headline", equalTo("Erin's headline"))
                .body("byline", equalTo("O. Mar"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("actor", contains("ingest-service", "erin", "omar"));
    }

    @Test
    void invalidFieldsAreAllReportedAndNothingChanges() {
        UUID id = StoryFixtures.newStory(records, "Grain corridor " + UUID.randomUUID());
        String etag = StoryFixtures.etag(EDITOR, id);
        patch(EDITOR, id, etag, """
                {"headline": "  ", "summary": "a\\n\\nb\\n\\nc\\n\\nd", "outletUrl": "ftp://x", "status": "APPROVED",
                 "sections": [""]}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("headline", "summary", "outletUrl", "status", "sections"));
        patch(EDITOR, id, etag, "{\"summary\": []}").statusCode(400).body("errors.field", contains("summary"));
        patch(EDITOR, id, etag, "not json").statusCode(400).contentType("application/problem+json");
        patch(EDITOR, id, etag, "[1]").statusCode(400).contentType("application/problem+json");
        // A summary given as an array of up to three paragraphs is accepted.
        patch(EDITOR, id, etag, "{\"summary\": [\"One\", \"Two\", \"Three\"]}")
                .statusCode(200)
                .body("summary", equalTo("One\n\nTwo\n\nThree"));
    }

    @Test
    void editingNeedsAnEditorsTokenAndAnExistingStory() {
        UUID id = StoryFixtures.newStory(records, "Tariffs " + UUID.randomUUID());
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"headline\": \"x\"}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(401);
        patch(TestTokens.token("rita", "reader"), id, "\"0\"", "{\"headline\": \"x\"}")
                .statusCode(403);
        patch(CHIEF, id, "\"0\"", "{\"headline\": \"Tariffs, chief's cut\"}").statusCode(200);
        patch(EDITOR, UUID.randomUUID(), "\"0\"", "{\"headline\": \"x\"}")
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theApprovalAnnouncesTheEditedCopyAndFreezesIt() {
        UUID id = StoryFixtures.newStory(records, "Elections called " + UUID.randomUUID());
        String etag = patch(EDITOR, id, StoryFixtures.etag(EDITOR, id), """
                {"headline": "Snap elections called", "summary": "Edited brief.", "outlet": "Capital Wire"}""")
                .statusCode(200)
                .extract()
                .header("ETag");
        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            String approvedEtag = given().auth()
                    .oauth2(CHIEF)
                    .header("If-Match", etag)
                    .when()
                    .post("/api/stories/" + id + "/approve")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .extract()
                    .header("ETag");
            ConsumerRecord<String, String> record =
                    editorial.await(r -> id.toString().equals(r.key()), Duration.ofSeconds(30));
            StoryApproved event = EventCodec.decode(record.value(), StoryApproved.class);
            assertEquals("Snap elections called", event.headline());
            assertEquals("Edited brief.", event.summary());
            assertEquals("Capital Wire", event.attribution().outlet());

            patch(EDITOR, id, approvedEtag, "{\"headline\": \"Too late\"}")
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("currentStatus", equalTo("APPROVED"));
        }
        // A transition naming a stale version is refused too.
        given().auth()
                .oauth2(EDITOR)
                .header("If-Match", etag)
                .when()
                .post("/api/stories/" + id + "/submit")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("action", hasItem("APPROVE"))
                .body("find { it.action == 'APPROVE' }.fromStatus", equalTo("NEW"));
    }
}
