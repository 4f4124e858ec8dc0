package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EventCodec;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TestTokens;
import org.newsroom.testing.TopicWatcher;

/** Editions: composed of approved stories, edited and reordered with If-Match, approved by a chief editor. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class EditionTest {
    private static CloudEventRecords records;

    private static UUID approvedStory(String headline) {
        UUID id = StoryFixtures.newStory(records, headline + " " + UUID.randomUUID());
        StoryFixtures.approve(CHIEF, id).statusCode(200);
        return id;
    }

    /** A partner's full story (photo, rights line) given an author bio by an editor, then approved. */
    private static UUID approvedLead(String headline) {
        UUID id =
                StoryFixtures.newStory(records, StoryFixtures.fullItem(headline + " " + UUID.randomUUID(), null, null));
        given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .header("If-Match", StoryFixtures.etag(EDITOR, id))
                .body("{\"authorBio\": \"Jane Doe covers trade for Global Wire.\"}")
                .when()
                .patch("/api/stories/" + id)
                .then()
                .statusCode(200);
        StoryFixtures.approve(CHIEF, id).statusCode(200);
        return id;
    }

    private static ValidatableResponse create(String token, String json) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/editions")
                .then();
    }

    private static ValidatableResponse patch(UUID id, String ifMatch, String json) {
        var request = given().auth()
                .oauth2(EDITOR)
                .contentType("application/merge-patch+json")
                .body(json);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().patch("/api/editions/" + id).then();
    }

    @Test
    void composeReorderAndApprove() {
        UUID lead = approvedLead("Lead: the summit");
        UUID a = approvedStory("Brief A");
        UUID b = approvedStory("Brief B");
        var created = create(EDITOR, """
                {"title": "The Daily Brief", "date": "2026-11-25", "leadStoryId": "%s",
                 "leadNote": "Why we lead with the summit.", "briefs": ["%s", "%s"], "sections": ["Geopolitics"]}""".formatted(lead, a, b))
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT"))
                .body("lead.storyId", equalTo(lead.toString()))
                .body("lead.editorsNote", equalTo("Why we lead with the summit."))
                .body("briefs.storyId", contains(a.toString(), b.toString()))
                .body("briefs.number", contains(1, 2))
                .body("briefs[0].summaryParagraphs", contains("One.", "Two."))
                .body("briefs[0].outlet", equalTo("The Harbor Ledger"));
        UUID id = UUID.fromString(created.extract().path("id"));

        patch(id, null, "{\"title\": \"x\"}").statusCode(428);
        String etag = patch(id, "\"0\"", "{\"briefs\": [\"%s\", \"%s\"]}".formatted(b, a))
                .statusCode(200)
                .body("briefs.storyId", contains(b.toString(), a.toString()))
                .body("title", equalTo("The Daily Brief"))
                .extract()
                .header("ETag");
        patch(id, "\"0\"", "{\"title\": \"Stale\"}").statusCode(412).contentType("application/problem+json");

        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/editions/" + id + "/approve")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(CHIEF)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{\"publishAt\": \"2020-01-01T00:00:00Z\"}")
                .when()
                .post("/api/editions/" + id + "/approve")
                .then()
                .statusCode(400)
                .body("errors.field", contains("publishAt"));
        // Approve what you saw: without the ETag read, or with the one before the reorder, nothing is approved.
        given().auth()
                .oauth2(CHIEF)
                .when()
                .post("/api/editions/" + id + "/approve")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(CHIEF)
                .header("If-Match", "\"0\"")
                .when()
                .post("/api/editions/" + id + "/approve")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("currentETag", equalTo(etag));
        given().auth().oauth2(EDITOR).when().get("/api/editions/" + id).then().body("status", equalTo("DRAFT"));
        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            given().auth()
                    .oauth2(CHIEF)
                    .header("If-Match", etag)
                    .contentType(ContentType.JSON)
                    .body("{\"publishAt\": \"2999-01-01T06:00:00Z\"}")
                    .when()
                    .post("/api/editions/" + id + "/approve")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("approvedBy", equalTo("chris"))
                    .body("publishAt", equalTo("2999-01-01T06:00:00Z"))
                    .body("approvedSnapshot.lead.storyId", equalTo(lead.toString()))
                    .body("approvedSnapshot.lead.editorsNote", equalTo("Why we lead with the summit."))
                    .body("approvedSnapshot.lead.attribution.outlet", equalTo("Global Wire"))
                    .body("approvedSnapshot.lead.authorBio", equalTo("Jane Doe covers trade for Global Wire."))
                    .body("approvedSnapshot.lead.rights", equalTo("(c) 2026 Global Wire"))
                    .body("approvedSnapshot.lead.imageUrl", equalTo("https://wire.example/photo.jpg"))
                    .body("approvedSnapshot.briefs.storyId", contains(b.toString(), a.toString()))
                    .body("approvedSnapshot.briefs[0].paragraphs", contains("One.", "Two."))
                    .body("approvedSnapshot.publishAt", equalTo("2999-01-01T06:00:00Z"));

            ConsumerRecord<String, String> record =
                    editorial.await(r -> id.toString().equals(r.key()), Duration.ofSeconds(20));
            assertEquals("news.edition.approved.v1", TopicWatcher.header(record, "ce_type"));
            EditionApproved event = EventCodec.decode(record.value(), EditionApproved.class);
            assertEquals("Why we lead with the summit.", event.lead().editorsNote());
            assertEquals("Jane Doe", event.lead().byline());
            assertEquals("Jane Doe covers trade for Global Wire.", event.lead().authorBio());
            assertEquals("(c) 2026 Global Wire", event.lead().rights());
            assertEquals("https://wire.example/photo.jpg", event.lead().imageUrl());
            assertEquals("Negotiators in Geneva", event.lead().imageCaption());
            assertEquals("Photo: P. Lens", event.lead().imageCredit());
            assertEquals(
                    List.of(b, a),
                    event.briefs().stream().map(EditionBrief::storyId).toList());
            assertEquals(
                    List.of(1, 2),
                    event.briefs().stream().map(EditionBrief::number).toList());
        }

        patch(id, "\"2\"", "{\"title\": \"After approval\"}").statusCode(409);
        given().auth()
                .oauth2(CHIEF)
                .header("If-Match", "\"2\"")
                .when()
                .post("/api/editions/" + id + "/approve")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/editions/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("title", equalTo("The Daily Brief"));
    }

    /**
     * Editions of a far-away year (so that no other test's edition comes between them) are listed newest first by
     * date, then by creation; pages of two follow X-Next-Cursor without repeating or skipping one.
     */
    @Test
    void recentEditionsComeNewestFirstByDateThenCreationInKeysetPages() {
        UUID lead = approvedStory("Listed lead");
        LocalDate day = LocalDate.of(9000 + (int) (Math.random() * 900), 6, 15);
        String earlierThatDay = created("Same day, first", day, lead);
        String laterThatDay = created("Same day, second", day, lead);
        String dayBefore = created("Day before", day.minusDays(1), lead);

        List<String> seen = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (pages == 0 || (after != null && !seen.containsAll(List.of(earlierThatDay, laterThatDay, dayBefore)))) {
            var request = given().auth().oauth2(EDITOR).queryParam("limit", 2);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            var page = request.when()
                    .get("/api/editions")
                    .then()
                    .statusCode(200)
                    .body("size()", lessThanOrEqualTo(2))
                    .extract();
            pages++;
            seen.addAll(page.path("id"));
            dates.addAll(page.path("date"));
            after = page.header("X-Next-Cursor");
        }
        assertTrue(pages >= 2, "three editions take two pages of two");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no edition twice: " + seen);
        assertEquals(dates.stream().sorted(Comparator.reverseOrder()).toList(), dates, "newest date first");
        assertEquals(
                List.of(laterThatDay, earlierThatDay, dayBefore),
                seen.stream()
                        .filter(List.of(earlierThatDay, laterThatDay, dayBefore)::contains)
                        .toList());

        given().auth()
                .oauth2(CHIEF)
                .queryParam("after", "bm90LWEtY3Vyc29y")
                .when()
                .get("/api/editions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("after"));
    }

    private static String created(String title, LocalDate date, UUID lead) {
        return create(
                        EDITOR,
                        "{\"title\": \"" + title + "\", \"date\": \"" + date + "\", \"leadStoryId\": \"" + lead + "\"}")
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void onlyApprovedOrPublishedStoriesMayBePlaced() {
        UUID lead = approvedStory("Lead");
        UUID fresh = StoryFixtures.newStory(records, "Not yet approved " + UUID.randomUUID());
        UUID unknown = UUID.randomUUID();
        create(EDITOR, """
                {"title": "T", "date": "2026-11-25", "leadStoryId": "%s", "briefs": ["%s", "%s", "%s"]}""".formatted(lead, fresh, unknown, lead))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("briefs[0]", "briefs[1]", "briefs[2]"));
        create(EDITOR, "{\"title\": \" \", \"date\": \"soon\", \"briefs\": \"x\", \"extra\": 1}")
                .statusCode(400)
                .body("errors.field", hasItems("title", "date", "leadStoryId", "briefs", "extra"));
        create(TestTokens.token("rita", "reader"), "{}").statusCode(403);
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/editions/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
