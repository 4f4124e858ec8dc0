package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class PublicationResourceTest {

    @Test
    void unknownPublicationIsAProblem() {
        given().when()
                .get("/api/publications/no-such-story-anywhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void unknownStoryPageIsNotFound() {
        given().when()
                .get("/stories/<no-such-story>")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("&lt;no-such-story&gt;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "201", "abc", "1.5"})
    void limitOutOfRangeIsRefused(String limit) {
        given().queryParam("limit", limit)
                .when()
                .get("/api/publications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "200"})
    void limitWithinRangeIsHonoured(String limit) {
        given().queryParam("limit", limit)
                .when()
                .get("/api/publications")
                .then()
                .statusCode(200)
                .body("size()", lessThanOrEqualTo(Integer.parseInt(limit)));
    }
}
