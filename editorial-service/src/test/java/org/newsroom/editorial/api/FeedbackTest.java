package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.editorial.domain.Limits;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PublicationPublished;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TestTokens;

/** Public reader feedback: grades and letters, validated and rate-limited per client address and publication. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class FeedbackTest {
    private static CloudEventRecords records;

    /** As a browser posts a form of a UTF-8 page (REST Assured's default is ISO-8859-1, which has no €). */
    private static final String UTF8_FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static String client() {
        return "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void gradesOfAPublicationShowOnItsStory() {
        UUID id = StoryFixtures.newStory(records, "Graded " + UUID.randomUUID());
        String publicationId = published(id);

        String client = client();
        for (int grade : new int[] {5, 4}) {
            given().header("X-Forwarded-For", client)
                    .contentType(ContentType.JSON)
                    .body("{\"publicationId\": \"" + publicationId + "\", \"grade\": " + grade + "}")
                    .when()
                    .post("/api/feedback/grades")
                    .then()
                    .statusCode(201);
        }
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .body("grades.count", equalTo(2))
                .body("grades.average", equalTo(4.5f));

        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body("{\"publicationId\": \"not-a-uuid\", \"grade\": 9}")
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("publicationId"));
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body("{\"publicationId\": \"" + publicationId + "\", \"grade\": 6}")
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("grade"));
    }

    /** Approves the story and has it published; answers the publication id editorial applied. */
    private static String published(UUID id) {
        StoryFixtures.approve(CHIEF, id).statusCode(200);
        PublicationPublished publication = new PublicationPublished(
                UUID.randomUUID(),
                id,
                "s",
                "https://x.example/s",
                "h",
                null,
                null,
                new Attribution("o", null),
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
        // A publish-service running on the same broker may have published the approval first: grade the one applied.
        return given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + id)
                .then()
                .extract()
                .path("publicationId");
    }

    @Test
    void aLetterAboutAPublicationNamesItsStoryInTheInbox() {
        UUID id = StoryFixtures.newStory(records, "Written about " + UUID.randomUUID());
        String publicationId = published(id);
        given().header("X-Forwarded-For", client())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Bo\", \"email\": \"bo@example.org\", \"publicationId\": \"" + publicationId
                        + "\", \"text\": \"About that story\"}")
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/letters")
                .then()
                .statusCode(200)
                .body("[0].publicationId", equalTo(publicationId))
                .body("[0].story.id", equalTo(id.toString()))
                .body("[0].story.headline", startsWith("Written about "))
                .body("[0].story.publicationUrl", notNullValue());
    }

    @Test
    void lettersAreValidatedAndReachTheEditorsInbox() {
        String client = client();
        String text = "Dear editor, " + UUID.randomUUID();
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Ada\", \"email\": \"ada@example.org\", \"text\": \"" + text + "\"}")
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(201);
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"email\": \"nope\", \"text\": \"" + "x".repeat(5001) + "\"}")
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("name", "email", "text"));

        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/letters")
                .then()
                .statusCode(200)
                .body("[0].text", equalTo(text))
                .body("[0].name", equalTo("Ada"));
        given().when().get("/api/letters").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.token("rita", "reader"))
                .when()
                .get("/api/letters")
                .then()
                .statusCode(403);
    }

    /**
     * The article page's forms post form-encoded; the reader lands on the site's thank-you page, which is told the
     * page to link back to. Never another site: a foreign returnTo gets no redirect at all.
     */
    @Test
    void formsFromTheArticlePageAreAcceptedAndThanked() {
        String client = client();
        UUID publication = UUID.randomUUID();
        String page = "http://localhost:8083/stories/rates-on-hold?feedback=thanks#feedback";
        String path = "%2Fstories%2Frates-on-hold%3Ffeedback%3Dthanks%23feedback";
        given().header("X-Forwarded-For", client)
                .redirects()
                .follow(false)
                .formParam("publicationId", publication.toString())
                .formParam("grade", "4")
                .formParam("returnTo", page)
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(303)
                .header("Location", "http://localhost:8083/thanks/grade?returnTo=" + path);
        given().header("X-Forwarded-For", client)
                .redirects()
                .follow(false)
                .formParam("publicationId", publication.toString())
                .formParam("grade", "2")
                .formParam("returnTo", "https://elsewhere.example/phish")
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(201)
                .body("count", equalTo(2))
                .body("average", equalTo(3.0f));
        given().header("X-Forwarded-For", client)
                .formParam("publicationId", publication.toString())
                .formParam("grade", "7")
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("grade"));

        String text = "Dear editor, by form " + UUID.randomUUID();
        given().header("X-Forwarded-For", client)
                .redirects()
                .follow(false)
                .formParam("name", "Ada")
                .formParam("email", "ada@example.org")
                .formParam("text", text)
                .formParam("publicationId", publication.toString())
                .formParam("returnTo", page)
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(303)
                .header("Location", "http://localhost:8083/thanks/letter?returnTo=" + path);
        given().header("X-Forwarded-For", client)
                .formParam("name", "Ada")
                .formParam("email", "nope")
                .formParam("text", "Hello")
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("email"));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/letters")
                .then()
                .statusCode(200)
                .body("[0].text", equalTo(text))
                .body("[0].publicationId", equalTo(publication.toString()));
        for (String foreign : List.of(
                "https://elsewhere.example/phish",
                "http://localhost:8083.elsewhere.example/phish",
                "//elsewhere.example/phish",
                "/stories/relative")) {
            given().header("X-Forwarded-For", client)
                    .redirects()
                    .follow(false)
                    .formParam("name", "Ada")
                    .formParam("email", "ada@example.org")
                    .formParam("text", "Dear editor, " + foreign)
                    .formParam("returnTo", foreign)
                    .when()
                    .post("/api/feedback/letters")
                    .then()
                    .statusCode(201)
                    .header("Location", nullValue());
        }
    }

    /**
     * A browser posts the letter form; a letter of the documented maximum (Limits.LETTER characters, here of up to
     * three bytes each in UTF-8) must fit the server's form limits and be stored whole; one more character is a
     * problem naming the field.
     */
    @Test
    void aLongLetterByFormIsAcceptedUpToTheMaximumAndRefusedAbove() {
        String client = client();
        String opening = "Dear editor, " + UUID.randomUUID() + " ";
        String text = opening
                + "€é".repeat((Limits.LETTER - opening.length()) / 2)
                + "€".repeat((Limits.LETTER - opening.length()) % 2);
        assertEquals(Limits.LETTER, text.length());
        given().header("X-Forwarded-For", client)
                .contentType(UTF8_FORM)
                .formParam("name", "Ada")
                .formParam("email", "ada@example.org")
                .formParam("text", text)
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(201)
                .body("text", equalTo(text));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/letters?limit=1")
                .then()
                .statusCode(200)
                .body("[0].text", equalTo(text));

        given().header("X-Forwarded-For", client)
                .contentType(UTF8_FORM)
                .formParam("name", "Ada")
                .formParam("email", "ada@example.org")
                .formParam("text", "€".repeat(5_001))
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", contains("text"));
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Ada\", \"email\": \"ada@example.org\", \"text\": \"" + "x".repeat(5_001) + "\"}")
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", contains("text"));
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + "A".repeat(201) + "\", \"email\": \"ada@example.org\", \"text\": \"Hi\"}")
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(413)
                .body("errors.field", contains("name"));
    }

    /**
     * A browser counts a textarea's line break as one character against maxlength="5000" but sends it as CRLF: a
     * letter of the maximum with line breaks, as sent, is longer than the limit and must still be accepted.
     */
    @Test
    void aLetterOfTheMaximumWithLineBreaksAsABrowserSendsThemIsAccepted() {
        String paragraph = "Dear editor, " + UUID.randomUUID() + " ";
        StringBuilder typed = new StringBuilder();
        while (typed.length() + paragraph.length() + 1 <= Limits.LETTER) {
            typed.append(paragraph).append('\n');
        }
        typed.append("x".repeat(Limits.LETTER - typed.length()));
        String text = typed.toString();
        assertEquals(Limits.LETTER, text.length());
        given().header("X-Forwarded-For", client())
                .contentType(UTF8_FORM)
                .formParam("name", "Ada")
                .formParam("email", "ada@example.org")
                .formParam("text", text.replace("\n", "\r\n"))
                .when()
                .post("/api/feedback/letters")
                .then()
                .statusCode(201)
                .body("text", equalTo(text));
    }

    @Test
    void theInboxIsPagedByKeysetNewestFirst() {
        String client = client();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            texts.add("Letter " + i + " " + UUID.randomUUID());
            given().header("X-Forwarded-For", client)
                    .contentType(ContentType.JSON)
                    .body("{\"name\": \"Ada\", \"email\": \"ada@example.org\", \"text\": \"" + texts.get(i) + "\"}")
                    .when()
                    .post("/api/feedback/letters")
                    .then()
                    .statusCode(201);
        }
        Response first = given().auth().oauth2(EDITOR).when().get("/api/letters?limit=2");
        first.then()
                .statusCode(200)
                .body("text", contains(texts.get(2), texts.get(1)))
                .header("Link", containsString("rel=\"next\""));
        String next = first.header("X-Next-Cursor");
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/letters?limit=2&after=" + next)
                .then()
                .statusCode(200)
                .body("[0].text", equalTo(texts.get(0)));
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/letters?after=nonsense")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("after"));
    }

    private static String grade(UUID publication) {
        return "{\"publicationId\": \"" + publication + "\", \"grade\": 3}";
    }

    @Test
    void aFloodFromOneAddressIsRefusedWith429() {
        String client = client();
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", client)
                    .contentType(ContentType.JSON)
                    .body(grade(UUID.randomUUID()))
                    .when()
                    .post("/api/feedback/grades")
                    .then()
                    .statusCode(201);
        }
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(grade(UUID.randomUUID()))
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", value -> Integer.parseInt(value), allOf(greaterThan(0), lessThanOrEqualTo(60)))
                .body("retryAfterSeconds", allOf(greaterThan(0), lessThanOrEqualTo(60)));
        given().header("X-Forwarded-For", client())
                .contentType(ContentType.JSON)
                .body(grade(UUID.randomUUID()))
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(201);
    }

    /** One client grades one publication a few times a day at most; other publications and clients are not held. */
    @Test
    void gradesAreLimitedPerPublicationAndClient() {
        String client = client();
        UUID publication = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client)
                    .contentType(ContentType.JSON)
                    .body(grade(publication))
                    .when()
                    .post("/api/feedback/grades")
                    .then()
                    .statusCode(201)
                    .body("count", equalTo(i + 1));
        }
        given().header("X-Forwarded-For", client)
                .formParam("publicationId", publication.toString())
                .formParam("grade", "1")
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header(
                        "Retry-After",
                        value -> Integer.parseInt(value),
                        allOf(greaterThan(60), lessThanOrEqualTo(86_400)))
                .body("detail", containsString("this publication"));
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(grade(UUID.randomUUID()))
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(201);
        // The refused grade was not counted: a new client's is the fourth.
        given().header("X-Forwarded-For", client())
                .contentType(ContentType.JSON)
                .body(grade(publication))
                .when()
                .post("/api/feedback/grades")
                .then()
                .statusCode(201)
                .body("count", equalTo(4));
    }
}
