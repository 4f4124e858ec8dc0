package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.editorial.domain.Limits;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TopicWatcher;

/**
 * The documented limits: an edit above them is a 413 naming the field, and no event editorial emits can outgrow a
 * Kafka record. Texts are of '€', three bytes in UTF-8, the worst case for a limit counted in characters.
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class LimitsTest {
    private static CloudEventRecords records;

    private static String euros(int characters) {
        return "€".repeat(characters);
    }

    /** An item as a source sent it before ingest capped bodies, with the given summary and body. */
    private static UUID story(String summary, String bodyHtml) {
        return StoryFixtures.newStory(
                records,
                new ItemIngested(
                        UUID.randomUUID(),
                        "wire-desk",
                        UUID.randomUUID().toString(),
                        "https://example.org/" + UUID.randomUUID(),
                        "Limits " + UUID.randomUUID(),
                        summary,
                        "A. Writer",
                        new Attribution("The Harbor Ledger", "https://example.org"),
                        Instant.parse("2026-11-24T07:30:00Z"),
                        Instant.now(),
                        1,
                        null,
                        bodyHtml,
                        null,
                        "en",
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    private static UUID approved(String summary) {
        UUID id = story(summary, null);
        StoryFixtures.approve(CHIEF, id).statusCode(200);
        return id;
    }

    private static void patch(UUID id, String json, int status) {
        given().auth()
                .oauth2(EDITOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", StoryFixtures.etag(EDITOR, id))
                .body(json)
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(status);
    }

    @Test
    void anEditAboveTheLimitsIsA413NamingEachField() {
        UUID id = StoryFixtures.newStory(records, "Too long " + UUID.randomUUID());
        given().auth()
                .oauth2(EDITOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"editorsNote\": \"" + euros(Limits.NOTE + 1) + "\", \"summary\": \""
                        + euros(Limits.SUMMARY + 1) + "\", \"byline\": \"Ada\"}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", contains("editorsNote", "summary"))
                .body("errors[0].message", equalTo("must be at most 5000 characters"));
        given().auth()
                .oauth2(EDITOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"outletUrl\": \"https://example.org/" + "a".repeat(Limits.URL) + "\"}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(413)
                .body("errors.field", contains("outletUrl"));
        // Nothing was written: the story is still at its first version.
        assertEquals("\"0\"", StoryFixtures.etag(EDITOR, id));

        patch(id, "{\"editorsNote\": \"" + euros(Limits.NOTE) + "\"}", 200);
    }

    @Test
    void aMaximalStoryIsAnnouncedWellBelowKafkasLimit() {
        UUID id = story("One.", "<p>" + euros(200_000) + "</p>");
        String sections = IntStream.range(0, Limits.SECTIONS)
                .mapToObj(i -> "\"" + i + euros(Limits.SECTION - 1) + "\"")
                .collect(Collectors.joining(", "));
        patch(
                id,
                """
                {"headline": "%s", "summary": "%s", "byline": "%s", "editorsNote": "%s", "outlet": "%s",
                 "outletUrl": "https://example.org/%s", "assignee": "%s", "dateline": "%s", "authorBio": "%s",
                 "sections": [%s]}""".formatted(
                                euros(Limits.HEADLINE),
                                euros(Limits.SUMMARY),
                                euros(Limits.BYLINE),
                                euros(Limits.NOTE),
                                euros(Limits.OUTLET),
                                "a".repeat(Limits.URL - 20),
                                euros(Limits.ASSIGNEE),
                                euros(Limits.DATELINE),
                                euros(Limits.AUTHOR_BIO),
                                sections),
                200);

        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            StoryFixtures.approve(CHIEF, id).statusCode(200);
            ConsumerRecord<String, String> approved = editorial.await(
                    r -> id.toString().equals(r.key())
                            && "news.story.approved.v1".equals(TopicWatcher.header(r, "ce_type")),
                    Duration.ofSeconds(60));
            int bytes = approved.value().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes > 600_000 && bytes < 700_000, "a maximal story's event is " + bytes + " bytes");
        }
    }

    @Test
    void anApprovalWhoseEventWouldNotFitIsRefusedAndChangesNothing() {
        // 930,000 bytes of body: a record ingest could still send, but not with the story's copy added.
        UUID id = story("One.", euros(310_000));
        StoryFixtures.approve(CHIEF, id)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("news.story.approved.v1"))
                .body("errors.field", contains("bodyHtml"));
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + id).then().body("status", equalTo("NEW"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("action", not(hasItem("APPROVE")));
    }

    @Test
    void anEditionWhoseEventWouldNotFitIsRefusedWhenComposedOrApproved() {
        // 300,000 bytes of summary each: briefs carry only summaries, but as long as the source sent them.
        UUID lead = approved(euros(100_000));
        UUID a = approved(euros(100_000));
        UUID b = approved(euros(100_000));
        UUID small = approved(euros(3_000));
        String edition = """
                {"title": "Too much", "date": "2026-11-25", "leadStoryId": "%s", "briefs": [%s]}""";
        given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .body(edition.formatted(lead, "\"" + a + "\", \"" + b + "\", \"" + approved(euros(100_000)) + "\""))
                .when()
                .post("/api/editions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("news.edition.approved.v1"))
                .body("errors.field", contains("briefs"));

        // About 910 KB: it fits, until a correction gives the lead 15 KB of author bio.
        String id = given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .body(edition.formatted(lead, "\"" + a + "\", \"" + b + "\", \"" + small + "\""))
                .when()
                .post("/api/editions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        PublicationPublished published = new PublicationPublished(
                UUID.randomUUID(),
                lead,
                "lead",
                "https://news.example/s/lead",
                "Lead",
                null,
                null,
                new Attribution("o", null),
                1,
                Instant.now());
        records.send(
                StoryFixtures.PUBLICATIONS,
                published.publicationId().toString(),
                "news.publication.published.v1",
                EventCodec.encode(published));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "PUBLISHED"
                        .equals(given().auth()
                                .oauth2(EDITOR)
                                .when()
                                .get("/api/stories/" + lead)
                                .then()
                                .extract()
                                .path("status")));
        StoryFixtures.move(
                        CHIEF,
                        lead,
                        "correct",
                        "{\"note\": \"About the author added.\", \"authorBio\": \"" + euros(Limits.AUTHOR_BIO) + "\"}")
                .statusCode(200);

        String editionETag = given().auth()
                .oauth2(CHIEF)
                .when()
                .get("/api/editions/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(CHIEF)
                .header("If-Match", editionETag)
                .when()
                .post("/api/editions/" + id + "/approve")
                .then()
                .statusCode(422)
                .body("detail", containsString("news.edition.approved.v1"));
        given().auth().oauth2(EDITOR).when().get("/api/editions/" + id).then().body("status", equalTo("DRAFT"));
    }
}
