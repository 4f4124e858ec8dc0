package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.ManagementPort;

/** The OpenAPI document describes every endpoint with examples and its problem answers; Swagger UI is served. */
@QuarkusTest
class OpenApiTest {

    private static JsonPath openApi() {
        return given().baseUri(ManagementPort.url())
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void everyOperationIsDescribedWithItsErrorAnswers() {
        JsonPath doc = openApi();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            boolean describes = operation.get("summary") != null && operation.get("description") != null;
            boolean hasError = responses.keySet().stream().anyMatch(code -> code.startsWith("4"));
            if (!describes || !hasError) {
                undocumented.add(method + " " + path);
            }
        }));
        assertFalse(paths.isEmpty());
        assertTrue(undocumented.isEmpty(), "without description or error answers: " + undocumented);
    }

    @Test
    void examplesAndProblemBodiesAreDocumented() {
        JsonPath doc = openApi();
        String approve = "paths.'/api/stories/{id}/approve'.post";
        assertTrue(doc.getString(approve + ".requestBody.content.'application/json'.examples.scheduled.value")
                .contains("publishAt"));
        assertTrue(doc.getString(
                        approve + ".responses.'409'.content.'application/problem+json'.examples" + ".embargoed.value")
                .contains("embargoedUntil"));
        assertTrue(
                doc.getString(approve + ".responses.'400'.content.'application/problem+json'.examples" + ".past.value")
                        .contains("publishAt"));
        for (String move : List.of("approve", "correct", "kill")) {
            assertTrue(
                    doc.getString("paths.'/api/stories/{id}/" + move + "'.post.responses.'428'.'$ref'")
                            .endsWith("/preconditionRequired"),
                    move + " documents its 428");
        }
        assertTrue(doc.getString("paths.'/api/editions/{id}/approve'.post.responses.'409'.content"
                        + ".'application/problem+json'.examples.embargoed.value")
                .contains("earliestPublishAt"));
        assertTrue(doc.getString("components.responses.stale.content.'application/problem+json'.examples.stale.value")
                .contains("currentETag"));
        assertTrue(doc.getString("paths.'/api/stories/{id}'.patch.responses.'412'.'$ref'")
                .endsWith("/stale"));
        assertTrue(doc.getString(
                        "paths.'/api/stories'.get.responses.'200'.content.'application/json'.examples" + ".page.value")
                .contains("alternateCount"));
        assertTrue(doc.getString("paths.'/api/editions'.post.responses.'422'.'$ref'")
                .endsWith("/editionRules"));
        assertTrue(doc.getString("paths.'/api/feedback/grades'.post.responses.'429'.'$ref'")
                .endsWith("/tooMany"));
        assertTrue(doc.getMap("components.schemas.StoryResponse.properties").containsKey("alternates"));
        assertTrue(doc.getString("components.securitySchemes.bearer.scheme").equals("bearer"));
    }

    @Test
    void swaggerUiIsServed() {
        given().baseUri(ManagementPort.url())
                .when()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("swagger"));
    }
}
