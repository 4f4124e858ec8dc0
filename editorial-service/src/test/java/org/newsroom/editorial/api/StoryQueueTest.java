package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.newsroom.editorial.StoryFixtures.CHIEF;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.editorial.StoryFixtures;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;

/** The queue: filters, PostgreSQL full-text search, keyset pagination with a stable order. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
class StoryQueueTest {
    private static CloudEventRecords records;

    private static Response list(String query) {
        return given().auth().oauth2(EDITOR).when().get("/api/stories?" + query);
    }

    @Test
    void keysetPagesWalkTheFilteredQueueOnceInOrder() {
        String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(StoryFixtures.newStory(records, StoryFixtures.item(source, "Paged story " + i)));
        }
        List<String> expected = ids.stream().map(UUID::toString).toList();
        assertEquals(expected, walk("source=" + source + "&order=oldest"), "every story once, oldest first");
        List<String> newestFirst = new ArrayList<>(expected);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, walk("source=" + source), "every story once, newest first by default");

        list("source=" + source + "&after=not-a-cursor")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("after"));
        list("order=random").then().statusCode(400).body("errors.field", contains("order"));
        String notATime = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("yesterday|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        list("after=" + notATime + "&order=random")
                .then()
                .statusCode(400)
                .body("errors.field", contains("after", "order"));
    }

    private static List<String> walk(String query) {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Response page = list(query + "&limit=2" + (after == null ? "" : "&after=" + after));
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("id"));
            after = page.header("X-Next-Cursor");
            if (after != null) {
                assertNotNull(page.header("Link"));
            }
            pages++;
        } while (after != null && pages < 10);
        assertEquals(3, pages);
        return seen;
    }

    @Test
    void filtersCombine() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID first = StoryFixtures.newStory(records, "Sanctions widen " + word);
        UUID second = StoryFixtures.newStory(records, "Sanctions " + word + " eased");
        StoryFixtures.newStory(records, "Unrelated " + UUID.randomUUID());

        list("q=" + word + "&order=oldest")
                .then()
                .statusCode(200)
                .body("id", contains(first.toString(), second.toString()));
        list("q=" + word + " widen").then().body("id", contains(first.toString()));

        given().auth()
                .oauth2(EDITOR)
                .contentType("application/json")
                .header("If-Match", "\"0\"")
                .body("{\"assignee\": \"omar-" + word + "\", \"sections\": [\"Markets-" + word + "\"]}")
                .when()
                .patch("/api/stories/" + second)
                .then()
                .statusCode(200);
        list("assignee=omar-" + word).then().body("id", contains(second.toString()));
        list("section=Markets-" + word).then().body("id", contains(second.toString()));

        StoryFixtures.approve(CHIEF, first).statusCode(200);
        list("q=" + word + "&status=APPROVED").then().body("id", contains(first.toString()));
        list("q=" + word + "&status=NEW,IN_REVIEW").then().body("id", contains(second.toString()));
        list("q=" + word + "&status=NEW&status=APPROVED").then().body("size()", equalTo(2));
        list("q=" + word + "&from=2999-01-01").then().statusCode(200).body("", empty());
        list("q=" + word + "&from=2020-01-01&to=2999-01-01T00:00:00Z").then().body("size()", equalTo(2));
        list("q=" + word + "&to=2020-01-01").then().body("", empty());

        list("status=FROZEN").then().statusCode(400).body("errors.field", contains("status"));
        list("from=yesterday").then().statusCode(400).body("errors.field", contains("from"));
        list("q=" + word).then().header("X-Next-Cursor", nullValue());
    }

    @Test
    void historyOfAnUnknownStoryIsA404() {
        given().auth()
                .oauth2(EDITOR)
                .when()
                .get("/api/stories/" + UUID.randomUUID() + "/history")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when()
                .get("/api/stories/" + UUID.randomUUID() + "/history")
                .then()
                .statusCode(401);
    }
}
