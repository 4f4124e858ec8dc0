package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EventCodec;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.theme.ThemeAssets;

/**
 * The desk's previews: editorial sends the snapshot approval would build to the renderer and frames its answer for
 * the desk; a renderer down or refusing is a 502 naming it. (publish and notify rendering for real: e2e's
 * EditionPreviewEndToEndTest.)
 */
@QuarkusTest
@WithTestResource(RendererStandIn.class)
@ExtendWith(CloudEventRecordsExtension.class)
class EditionPreviewTest {
    private static CloudEventRecords records;

    @AfterEach
    void renderAgain() {
        RendererStandIn.status = 200;
    }

    private static UUID approvedStory(String headline) {
        UUID id = StoryFixtures.newStory(records, headline + " " + UUID.randomUUID());
        StoryFixtures.approve(CHIEF, id).statusCode(200);
        return id;
    }

    private static UUID draft(UUID lead, UUID... briefs) {
        String list = String.join(
                ", ", List.of(briefs).stream().map(b -> "\"" + b + "\"").toList());
        return UUID.fromString(given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .body("""
                        {"title": "Preview Brief", "date": "2026-11-25", "leadStoryId": "%s",
                         "leadNote": "Why we lead with it.", "briefs": [%s]}""".formatted(lead, list))
                .when()
                .post("/api/editions")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    @Test
    void thePagePreviewSendsTheApprovalSnapshotAndFramesTheAnswerForTheDesk() {
        UUID lead = approvedStory("Preview lead");
        UUID first = approvedStory("Preview brief one");
        UUID second = approvedStory("Preview brief two");
        UUID edition = draft(lead, second, first);

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/editions/" + edition + "/preview/page")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Cache-Control", "no-store")
                .body(equalTo(RendererStandIn.PAGE));

        EditionApproved sent = EventCodec.decode(RendererStandIn.received, EditionApproved.class);
        assertEquals(edition, sent.editionId());
        assertEquals(lead, sent.lead().storyId());
        assertEquals("Why we lead with it.", sent.lead().editorsNote());
        assertEquals(
                List.of(second, first),
                sent.briefs().stream().map(EditionBrief::storyId).toList());
        assertEquals(
                List.of(1, 2), sent.briefs().stream().map(EditionBrief::number).toList());
        assertEquals("erin", sent.approvedBy());
        // a preview is no approval: the draft is as it was
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/editions/" + edition)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void aRendererAnsweringAnErrorIsABadGatewayNamingIt() {
        UUID edition = draft(approvedStory("Preview lead"));
        RendererStandIn.status = 500;

        given().auth()
                .oauth2(CHIEF)
                .when()
                .get("/api/editions/" + edition + "/preview/page")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("service", equalTo("publish-service"))
                .body("detail", containsString("answered 500"));
    }

    @Test
    void anUnreachableRendererIsABadGatewayNamingIt() {
        UUID edition = draft(approvedStory("Preview lead"));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/editions/" + edition + "/preview/newsletter")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("service", equalTo("notify-service"))
                .body("detail", containsString("cannot be reached"));
    }

    @Test
    void anUnknownEditionIsNotFound() {
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/editions/" + UUID.randomUUID() + "/preview/page")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theStylesheetThePageLinksIsServedHereToo() {
        given().when()
                .get("/assets/" + ThemeAssets.stylesheetName())
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"));
    }
}
