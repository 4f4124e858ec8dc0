package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.EventCodec;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TopicWatcher;

/** Approval of embargoed stories only when scheduled at or after the embargo, and scheduled approvals in general. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class EmbargoTest {
    private static CloudEventRecords records;

    private static UUID embargoedStory(Instant embargo) {
        return StoryFixtures.newStory(records, StoryFixtures.fullItem("Embargoed " + UUID.randomUUID(), null, embargo));
    }

    private static ValidatableResponse approve(UUID id, String body) {
        var request = given().auth().oauth2(CHIEF).header("If-Match", StoryFixtures.etag(CHIEF, id));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/stories/" + id + "/approve").then();
    }

    private static StoryApproved approvedEvent(TopicWatcher editorial, UUID id) {
        return EventCodec.decode(
                editorial
                        .await(
                                r -> id.toString().equals(r.key())
                                        && "news.story.approved.v1".equals(TopicWatcher.header(r, "ce_type")),
                                Duration.ofSeconds(30))
                        .value(),
                StoryApproved.class);
    }

    @Test
    void anEmbargoedStoryIsRefusedUnlessScheduledAtOrAfterTheEmbargo() {
        Instant embargo = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID id = embargoedStory(embargo);

        approve(id, null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("embargoedUntil", equalTo(embargo.toString()))
                .body("detail", containsString(embargo.toString()))
                .body("detail", containsString("publishAt"));
        approve(id, "{\"publishAt\": \"" + embargo.minus(1, ChronoUnit.HOURS) + "\"}")
                .statusCode(409)
                .body("embargoedUntil", equalTo(embargo.toString()))
                .body("detail", containsString("before the story's embargo"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("status", equalTo("NEW"))
                .body("publishAt", nullValue());

        Instant publishAt = embargo.plus(2, ChronoUnit.HOURS);
        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            approve(id, "{\"publishAt\": \"" + publishAt + "\"}")
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("publishAt", equalTo(publishAt.toString()))
                    .body("embargoedUntil", equalTo(embargo.toString()));
            StoryApproved event = approvedEvent(editorial, id);
            assertEquals(publishAt, event.embargoedUntil(), "held until the later of embargo and publishAt");
        }
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id + "/history")
                .then()
                .body("action", contains("RECEIVE", "APPROVE"))
                .body("[1].changes.publishAt.to", equalTo(publishAt.toString()))
                .body("[1].actor", equalTo("chris"));
    }

    @Test
    void scheduledExactlyAtTheEmbargoIsHeldUntilTheEmbargo() {
        Instant embargo = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID id = embargoedStory(embargo);
        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            approve(id, "{\"publishAt\": \"" + embargo + "\"}").statusCode(200).body("status", equalTo("APPROVED"));
            assertEquals(embargo, approvedEvent(editorial, id).embargoedUntil());
        }
    }

    @Test
    void aStoryWithoutEmbargoMayBeScheduledOrApprovedAtOnce() {
        UUID scheduled = StoryFixtures.newStory(records, "Scheduled " + UUID.randomUUID());
        UUID now = StoryFixtures.newStory(records, "At once " + UUID.randomUUID());
        Instant publishAt = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            approve(scheduled, "{\"publishAt\": \"" + publishAt + "\"}")
                    .statusCode(200)
                    .body("publishAt", equalTo(publishAt.toString()));
            assertEquals(publishAt, approvedEvent(editorial, scheduled).embargoedUntil());
            approve(now, "{}").statusCode(200).body("publishAt", nullValue());
            assertNull(approvedEvent(editorial, now).embargoedUntil());
        }
    }

    @Test
    void aMalformedOrPastPublishAtIsRefusedAndNothingChanges() {
        UUID id = StoryFixtures.newStory(records, "Bad schedule " + UUID.randomUUID());
        approve(id, "{\"publishAt\": \"tomorrow morning\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("publishAt"));
        approve(id, "{\"publishAt\": 42}").statusCode(400).body("errors.field", contains("publishAt"));
        approve(id, "{\"publishAt\": \"2020-01-01T00:00:00Z\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("publishAt"));
        approve(id, "not json").statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(EDITOR).when().get("/api/stories/" + id).then().body("status", equalTo("NEW"));
    }
}
