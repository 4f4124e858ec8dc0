package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.newsroom.editorial.StoryFixtures.EDITOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.testing.TestTokens;

/**
 * Every protected endpoint: 401 without a valid token, 403 with a role that may not use it, both as problem bodies.
 * The ids need not exist: the role check comes before the lookup.
 */
@QuarkusTest
class RolesTest {
    private static final String READER = TestTokens.token("rita", "reader");
    private static final String ID = UUID.randomUUID().toString();

    record Endpoint(String method, String path, boolean chiefOnly) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/stories", false),
                new Endpoint("GET", "/api/stories/" + ID, false),
                new Endpoint("GET", "/api/stories/" + ID + "/history", false),
                new Endpoint("PATCH", "/api/stories/" + ID, false),
                new Endpoint("POST", "/api/stories/" + ID + "/submit", false),
                new Endpoint("POST", "/api/stories/" + ID + "/approve", true),
                new Endpoint("POST", "/api/stories/" + ID + "/reject", true),
                new Endpoint("POST", "/api/stories/" + ID + "/correct", true),
                new Endpoint("POST", "/api/stories/" + ID + "/kill", true),
                new Endpoint("POST", "/api/stories/" + ID + "/source-update", false),
                new Endpoint("DELETE", "/api/stories/" + ID + "/source-update", false),
                new Endpoint("GET", "/api/editions", false),
                new Endpoint("POST", "/api/editions", false),
                new Endpoint("GET", "/api/editions/" + ID, false),
                new Endpoint("PATCH", "/api/editions/" + ID, false),
                new Endpoint("POST", "/api/editions/" + ID + "/approve", true),
                new Endpoint("GET", "/api/letters", false))
                .stream();
    }

    private static RequestSpecification body(RequestSpecification request) {
        return request.contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\": \"x\"}");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void withoutATokenIs401(Endpoint endpoint) {
        body(given())
                .request(endpoint.method(), endpoint.path())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        body(given().auth().oauth2("not-a-token"))
                .request(endpoint.method(), endpoint.path())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void withTheWrongRoleIs403(Endpoint endpoint) {
        body(given().auth().oauth2(READER))
                .request(endpoint.method(), endpoint.path())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        if (endpoint.chiefOnly()) {
            body(given().auth().oauth2(EDITOR))
                    .request(endpoint.method(), endpoint.path())
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}
