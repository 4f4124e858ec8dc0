package org.newsroom.editorial;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.ManagementPort;

/** The desk's decisions are counted in /q/metrics once committed; a refused move is not counted. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class MetricsTest {
    private static CloudEventRecords records;

    private static double metric(String name, String labels) {
        String text = given().baseUri(ManagementPort.url())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double transitions(String from, String to) {
        return metric("editorial_story_transitions_total", "from=\"" + from + "\",to=\"" + to + "\"");
    }

    @Test
    void approvalsRejectionsAndEditionApprovalsAreCounted() {
        double received = transitions("none", "NEW");
        double approvals = transitions("NEW", "APPROVED");
        double submissions = transitions("NEW", "IN_REVIEW");
        double rejections = transitions("IN_REVIEW", "REJECTED");
        double editions = metric("editorial_edition_approvals_total", "scheduled=\"false\"");

        UUID approved = StoryFixtures.newStory(records, "Counted approval " + UUID.randomUUID());
        UUID rejected = StoryFixtures.newStory(records, "Counted rejection " + UUID.randomUUID());
        StoryFixtures.approve(CHIEF, approved).statusCode(200);
        // Refused: 409, or 412 when a publish-service on the same broker confirmed the approval since the read.
        StoryFixtures.approve(CHIEF, approved).statusCode(anyOf(is(409), is(412)));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .post("/api/stories/" + rejected + "/submit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(CHIEF)
                .when()
                .post("/api/stories/" + rejected + "/reject")
                .then()
                .statusCode(200);
        String edition = given().auth()
                .oauth2(EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"title\": \"Counted\", \"date\": \"2026-11-25\", \"leadStoryId\": \"" + approved + "\"}")
                .when()
                .post("/api/editions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(CHIEF)
                .header("If-Match", "\"0\"")
                .when()
                .post("/api/editions/" + edition + "/approve")
                .then()
                .statusCode(200);

        // Other producers' items may arrive meanwhile on the shared topic: at least these two were received.
        assertTrue(transitions("none", "NEW") >= received + 2, "stories received");
        assertEquals(approvals + 1, transitions("NEW", "APPROVED"), "the refused second approval is not counted");
        assertEquals(submissions + 1, transitions("NEW", "IN_REVIEW"));
        assertEquals(rejections + 1, transitions("IN_REVIEW", "REJECTED"));
        assertEquals(editions + 1, metric("editorial_edition_approvals_total", "scheduled=\"false\""));
    }
}
