package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TopicWatcher;

/**
 * An edition goes out whole at its time (page, newsletter, webhooks): approving it is refused while any of its
 * stories is still embargoed or scheduled for later, and allowed once its time is at or after every hold.
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class EditionEmbargoTest {
    private static CloudEventRecords records;

    /** A story approved to go public at {@code publishAt} (null: at once), under {@code embargo} (null: none). */
    private static UUID approved(String headline, Instant embargo, Instant publishAt) {
        UUID id = StoryFixtures.newStory(records, StoryFixtures.fullItem(headline, null, embargo));
        StoryFixtures.move(CHIEF, id, "approve", publishAt == null ? "{}" : "{\"publishAt\": \"" + publishAt + "\"}")
                .statusCode(200);
        return id;
    }

    private static UUID edition(UUID lead, UUID... briefs) {
        StringBuilder ids = new StringBuilder();
        for (UUID brief : briefs) {
            ids.append(ids.isEmpty() ? "" : ", ").append('"').append(brief).append('"');
        }
        return UUID.fromString(given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .body("""
                {"title": "The Daily Brief", "date": "2026-11-25", "leadStoryId": "%s", "briefs": [%s]}""".formatted(lead, ids))
                .when()
                .post("/api/editions")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private static ValidatableResponse approveEdition(UUID id, Instant publishAt) {
        String etag = given().auth()
                .oauth2(CHIEF)
                .when()
                .get("/api/editions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return given().auth()
                .oauth2(CHIEF)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(publishAt == null ? "{}" : "{\"publishAt\": \"" + publishAt + "\"}")
                .when()
                .post("/api/editions/" + id + "/approve")
                .then();
    }

    @Test
    void anEditionBeforeAStorysEmbargoIsRefusedNamingTheStoryAndAfterItIsApproved() {
        Instant embargo = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String headline = "Embargoed trade figures " + UUID.randomUUID();
        UUID embargoed = approved(headline, embargo, embargo);
        UUID lead = approved("Lead at once " + UUID.randomUUID(), null, null);
        UUID id = edition(lead, embargoed);

        try (TopicWatcher editorial = TopicWatcher.open(Topics.EDITORIAL)) {
            approveEdition(id, null)
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString(embargoed.toString()))
                    .body("detail", containsString(headline))
                    .body("detail", containsString("embargoed until " + embargo))
                    .body("errors.field", contains("briefs[0]"))
                    .body("heldStories.storyId", contains(embargoed.toString()))
                    .body("heldStories.headline", contains(headline))
                    .body("heldStories.holdUntil", contains(embargo.toString()))
                    .body("earliestPublishAt", equalTo(embargo.toString()));
            approveEdition(id, embargo.minus(1, ChronoUnit.MINUTES))
                    .statusCode(409)
                    .body("heldStories.storyId", contains(embargoed.toString()));
            given().auth()
                    .oauth2(EDITOR)
                    .when()
                    .get("/api/editions/" + id)
                    .then()
                    .body("status", equalTo("DRAFT"));

            Instant after = embargo.plus(1, ChronoUnit.HOURS);
            approveEdition(id, after)
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("publishAt", equalTo(after.toString()));
            // The refusals announced nothing: the edition's first event is the approval at the later time.
            EditionApproved event = EventCodec.decode(
                    editorial
                            .await(r -> id.toString().equals(r.key()), Duration.ofSeconds(30))
                            .value(),
                    EditionApproved.class);
            assertEquals(after, event.publishAt());
        }
    }

    @Test
    void anEditionBeforeAStorysScheduledTimeIsRefusedAndAtItIsApproved() {
        Instant scheduled = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID lead = approved("Scheduled lead " + UUID.randomUUID(), null, scheduled);
        UUID brief = approved("Brief at once " + UUID.randomUUID(), null, null);
        UUID id = edition(lead, brief);

        approveEdition(id, scheduled.minus(1, ChronoUnit.HOURS))
                .statusCode(409)
                .body("errors.field", contains("leadStory"))
                .body("detail", containsString("scheduled for " + scheduled))
                .body("earliestPublishAt", equalTo(scheduled.toString()));
        approveEdition(id, scheduled).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void anEditionOfStoriesWhoseEmbargoHasLiftedIsApprovedAtOnce() {
        UUID lead = approved("Lifted lead " + UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.HOURS), null);
        UUID brief = approved("Brief " + UUID.randomUUID(), null, null);
        approveEdition(edition(lead, brief), null).statusCode(200).body("status", equalTo("APPROVED"));
    }
}
