package org.newsroom.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.newsroom.testing.TestTokens;

/** Who calls ingest in the tests: operations (sources) and an editor (items), each with a bearer token. */
public final class Callers {
    public static final String OPS_TOKEN = TestTokens.token("ops@test", "ingest-admin");
    public static final String EDITOR_TOKEN = TestTokens.token("editor@test", "editor");

    private Callers() {}

    /** A request as operations ({@code ingest-admin}). */
    public static RequestSpecification ops() {
        return given().auth().oauth2(OPS_TOKEN);
    }

    /** Registers a partner source as operations; @return its API key. */
    public static String partnerKey(String name) {
        return ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"kind\":\"partner\"}".formatted(name))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey");
    }

    /** A request as an editor. */
    public static RequestSpecification editor() {
        return given().auth().oauth2(EDITOR_TOKEN);
    }
}
