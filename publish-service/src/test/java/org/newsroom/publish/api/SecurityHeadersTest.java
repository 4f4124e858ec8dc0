package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionLead;
import org.newsroom.publish.support.Stories;

/**
 * Every kind of answer — pages, feeds, the JSON API, problems, the contract files — carries the security headers,
 * and HSTS only when the request came over TLS (here: through the trusted proxy the test profile names).
 */
@QuarkusTest
class SecurityHeadersTest {
    private static final String TAG = Stories.tag();
    private static final String SECTION_KEY = "headers-" + TAG;
    private static final String STORY = "headers-story-" + TAG;
    private static final String KILLED = "headers-killed-" + TAG;
    private static final LocalDate DATE =
            LocalDate.of(2090, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));

    private static boolean published;

    /** Once for the class; not in a static @BeforeAll, which runs before the application listens. */
    @BeforeEach
    void publishOneOfEachKind() {
        if (published) {
            return;
        }
        UUID storyId = UUID.randomUUID();
        UUID killedId = UUID.randomUUID();
        try (Stories stories = new Stories()) {
            stories.send(storyId, Stories.approval(storyId, "Headers story " + TAG, List.of("Headers " + TAG), null));
            stories.send(killedId, Stories.approval(killedId, "Headers killed " + TAG, List.of(), null));
            stories.send(
                    storyId,
                    new EditionApproved(
                            UUID.randomUUID(),
                            "Headers Brief " + TAG,
                            DATE,
                            new EditionLead(storyId, "Lead", "Text.", null, new Attribution("Wire Desk", null), null),
                            List.of(),
                            List.of(),
                            null,
                            "chief@newsroom.local",
                            Instant.now()));
            Stories.awaitApi(KILLED, 200);
            stories.send(killedId, Stories.kill(killedId, "Withdrawn."));
        }
        Stories.awaitApi(KILLED, 410);
        Stories.awaitApi(STORY, 200);
        await().atMost(Stories.WAIT)
                .until(() -> given().get("/api/editions/" + DATE).statusCode() == 200);
        published = true;
    }

    /** Each kind of answer, with the status it has. */
    private static Map<String, Integer> everyKind() {
        Map<String, Integer> paths = new LinkedHashMap<>();
        paths.put("/", 200);
        paths.put("/stories/" + STORY, 200);
        paths.put("/stories/" + KILLED, 410);
        paths.put("/stories/no-such-story-" + TAG, 404);
        paths.put("/editions/" + DATE, 200);
        paths.put("/editions/1999-01-01", 404);
        paths.put("/sections/" + SECTION_KEY, 200);
        paths.put("/sections/no-such-section-" + TAG, 404);
        paths.put("/archive", 200);
        paths.put("/archive/" + DATE, 200);
        paths.put("/archive/not-a-date", 400);
        paths.put("/feeds/rss.xml", 200);
        paths.put("/feeds/atom.xml", 200);
        paths.put("/feeds/feed.json", 200);
        paths.put("/feeds/sections/" + SECTION_KEY + "/rss.xml", 200);
        paths.put("/feeds/editions/atom.xml", 200);
        paths.put("/api/publications", 200);
        paths.put("/api/publications/" + STORY, 200);
        paths.put("/api/publications/" + KILLED, 410);
        paths.put("/api/publications/no-such-story-" + TAG, 404);
        paths.put("/api/publications?limit=nope", 400);
        paths.put("/api/editions", 200);
        paths.put("/api/editions/" + DATE, 200);
        paths.put("/api/editions/1999-01-01", 404);
        paths.put("/contract/asyncapi.yaml", 200);
        paths.put("/contract/schemas/news.publication.published.v1.json", 200);
        paths.put("/contract/schemas/no.such.type.json", 404);
        paths.put("/no/such/path", 404);
        paths.put("/robots.txt", 200);
        paths.put("/sitemap.xml", 200);
        paths.put("/sitemap-news.xml", 200);
        paths.put("/archive?page=2", 200);
        return paths;
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        everyKind().forEach((path, status) -> {
            Response response = given().when().get(path);
            assertEquals(status, response.statusCode(), path);
            String policy = response.header("Content-Security-Policy");
            assertTrue(
                    policy != null
                            && policy.contains("default-src 'self'")
                            && policy.contains("frame-ancestors 'none'")
                            && !policy.contains("unsafe-inline"),
                    () -> path + ": Content-Security-Policy " + policy);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"), path);
            assertEquals("DENY", response.header("X-Frame-Options"), path);
            assertEquals(null, response.header("Strict-Transport-Security"), () -> path + ": HSTS over plain http");
        });
    }

    @Test
    void notModifiedAnswersCarryThemToo() {
        String etag = given().when()
                .get("/stories/" + STORY)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get("/stories/" + STORY)
                .then()
                .statusCode(304)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void theFormsMayPostOnlyToEditorialBackHereAndToNotifysSubscribe() {
        given().when()
                .get("/stories/" + STORY)
                .then()
                .statusCode(200)
                .body(containsString("action=\"https://editorial.example.org/api/feedback/grades\""))
                .body(containsString("action=\"http://localhost:8084/subscribe\""))
                .header(
                        "Content-Security-Policy",
                        containsString("form-action 'self' http://localhost:8083 https://editorial.example.org/"
                                + " http://localhost:8084"));
    }

    @Test
    void hstsOnlyForARequestThatCameOverTls() {
        for (String path : List.of("/", "/stories/" + STORY, "/api/publications", "/feeds/rss.xml")) {
            given().header("X-Forwarded-Proto", "https")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Strict-Transport-Security", containsString("max-age="));
            given().when().get(path).then().statusCode(200).header("Strict-Transport-Security", nullValue());
            given().header("X-Forwarded-Proto", "http")
                    .when()
                    .get(path)
                    .then()
                    .header("Strict-Transport-Security", nullValue())
                    .header("Content-Security-Policy", not(nullValue()));
        }
    }
}
