package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractResourceTest {

    @Test
    void asyncApiDocumentIsServedWithItsSchemasBesideIt() {
        given().when()
                .get("/contract/asyncapi.yaml")
                .then()
                .statusCode(200)
                .body(containsString("asyncapi:"))
                .body(containsString("news.publication.published.v1"))
                .body(containsString("./schemas/news.publication.published.v1.json"));
        given().when()
                .get("/contract/schemas/news.publication.published.v1.json")
                .then()
                .statusCode(200)
                .body("title", containsString("PublicationPublished"))
                .body("required", hasItems("publicationId", "slug", "url", "headline", "version"));
    }

    @Test
    void unknownSchemaIsAProblem() {
        given().when()
                .get("/contract/schemas/news.nothing.v1.json")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
