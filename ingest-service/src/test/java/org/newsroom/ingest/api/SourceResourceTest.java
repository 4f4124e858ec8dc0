package org.newsroom.ingest.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.ingest.Callers.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.problem.KeysetPages;
import org.newsroom.problem.PageCursor;

@QuarkusTest
class SourceResourceTest {

    static String name() {
        return "src-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void feedSourceCrud() {
        String name = name();
        String id = ops().contentType(ContentType.JSON)
                .body("""
                {"name":"%s","url":"https://feeds.example.org/world.xml","format":"rss","pollIntervalSeconds":300,
                 "defaultSections":["Geopolitics","Markets"],"attributionName":"BBC","attributionUrl":"https://www.bbc.co.uk",
                 "enabled":false}""".formatted(name))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("kind", equalTo("feed"))
                .body("defaultSections", hasItems("Geopolitics", "Markets"))
                .body("attributionName", equalTo("BBC"))
                .body("health.consecutiveFailures", equalTo(0))
                .body("apiKey", nullValue())
                .extract()
                .path("id");

        ops().when()
                .get("/api/sources/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("pollIntervalSeconds", equalTo(300))
                .body("enabled", equalTo(false));
        ops().when().get("/api/sources").then().statusCode(200).body("name", hasItem(name));

        ops().contentType(ContentType.JSON)
                .body("""
                {"name":"%s","url":"https://feeds.example.org/world2.xml","pollIntervalSeconds":600,"enabled":false,
                 "identity":"link"}""".formatted(name))
                .when()
                .put("/api/sources/" + id)
                .then()
                .statusCode(200)
                .body("url", equalTo("https://feeds.example.org/world2.xml"))
                .body("identity", equalTo("link"))
                .body("format", equalTo("auto"));

        ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"url\":\"https://x.example.org/f\"}".formatted(name))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        ops().when().delete("/api/sources/" + id).then().statusCode(204);
        ops().when().get("/api/sources/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidSourcesAreRefusedWithProblemsNamingTheField() {
        ops().contentType(ContentType.JSON)
                .body("{\"name\":\"Bad Name\",\"url\":\"ftp://x\",\"format\":\"html\",\"pollIntervalSeconds\":5}")
                .when()
                .post("/api/sources")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "url", "format", "pollIntervalSeconds"));

        ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\"}".formatted(name()))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void partnerSourceGetsItsApiKeyOnceAndIsNotFetched() {
        String id = ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"kind\":\"partner\",\"attributionName\":\"AP\"}".formatted(name()))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .body("kind", equalTo("partner"))
                .body("apiKey", startsWith("nrk_"))
                .extract()
                .path("id");
        ops().when().get("/api/sources/" + id).then().statusCode(200).body("apiKey", nullValue());
        ops().when().post("/api/sources/" + id + "/fetch").then().statusCode(409);
        ops().when().post("/api/sources/" + UUID.randomUUID() + "/fetch").then().statusCode(404);
    }

    @Test
    void sourcesArePagedByKeysetInNameOrder() {
        String prefix = "paging-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (String suffix : List.of("c", "a", "b")) {
            ops().contentType(ContentType.JSON)
                    .body("{\"name\":\"%s\",\"kind\":\"partner\"}".formatted(prefix + suffix))
                    .when()
                    .post("/api/sources")
                    .then()
                    .statusCode(201);
        }
        // Start just before this test's sources: the rows before them are other tests'.
        String start = new PageCursor(prefix, new UUID(0, 0)).encode();
        ExtractableResponse<Response> page1 = ops().queryParam("after", start)
                .queryParam("limit", 2)
                .when()
                .get("/api/sources")
                .then()
                .statusCode(200)
                .extract();
        assertEquals(List.of(prefix + "a", prefix + "b"), page1.path("name"));
        String next = page1.header(KeysetPages.NEXT_CURSOR);
        assertTrue(page1.header("Link").contains("after=" + next), page1.header("Link"));
        List<String> page2 = ops().queryParam("after", next)
                .queryParam("limit", 2)
                .when()
                .get("/api/sources")
                .then()
                .statusCode(200)
                .extract()
                .path("name");
        assertEquals(prefix + "c", page2.get(0), "the second page goes on after the first, repeating none");

        ops().queryParam("after", prefix + "a")
                .when()
                .get("/api/sources")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
    }
}
