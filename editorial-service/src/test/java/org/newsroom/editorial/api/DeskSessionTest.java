package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.TestTokens;

/**
 * The desk's browser session: the dev login sets a cookie the API takes as it takes a bearer token (roles included),
 * a change made with the cookie needs the desk's header, and bearer tokens keep working beside it.
 */
@QuarkusTest
class DeskSessionTest {
    private static final String UNKNOWN_STORY = "/api/stories/" + UUID.randomUUID();

    @Test
    void theSignInPageOffersTheDevLoginHere() {
        given().when()
                .get("/desk/session/login")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("action=\"/desk/session/dev\""))
                .body(not(containsString("/desk/session/oidc")));
    }

    @Test
    void theDevLoginSetsAStrictHttpOnlyCookieThatTheApiTakes() {
        Response login = signIn("chloe", "chief-editor");
        assertEquals(303, login.statusCode());
        assertTrue(login.header("Location").endsWith("/desk/"), login.header("Location"));
        String setCookie = login.header("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);

        given().cookie(DeskCookie.NAME, login.cookie(DeskCookie.NAME))
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("chloe"))
                .body("roles", equalTo(java.util.List.of("chief-editor")));
    }

    @Test
    void aChangeMadeWithTheCookieNeedsTheDesksHeader() {
        String cookie = signIn("erin", "editor").cookie(DeskCookie.NAME);
        given().cookie(DeskCookie.NAME, cookie)
                .when()
                .post(UNKNOWN_STORY + "/submit")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString(DeskRequestGuard.HEADER));
        // With the header the request reaches the story lookup: the session was accepted.
        given().cookie(DeskCookie.NAME, cookie)
                .header(DeskRequestGuard.HEADER, "1")
                .when()
                .post(UNKNOWN_STORY + "/submit")
                .then()
                .statusCode(404);
    }

    @Test
    void anEditorsSessionMayNotApprove() {
        given().cookie(DeskCookie.NAME, signIn("erin", "editor").cookie(DeskCookie.NAME))
                .header(DeskRequestGuard.HEADER, "1")
                .header("If-Match", "\"0\"")
                .when()
                .post(UNKNOWN_STORY + "/approve")
                .then()
                .statusCode(403)
                .body("detail", containsString("chief-editor"));
    }

    @Test
    void bearerTokensKeepWorking() {
        given().auth()
                .oauth2(TestTokens.token("erin", "editor"))
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("erin"));
        given().when().get("/api/me").then().statusCode(401);
    }

    @Test
    void aBadNameOrRoleIsRefused() {
        given().contentType(ContentType.URLENC)
                .formParam("name", "Erin Smith")
                .formParam("role", "admin")
                .when()
                .post("/desk/session/dev")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "role"));
    }

    @Test
    void signingOutClearsTheCookie() {
        Response logout = given().redirects().follow(false).when().post("/desk/session/logout");
        assertEquals(303, logout.statusCode());
        assertTrue(logout.header("Set-Cookie").contains("Max-Age=0"), logout.header("Set-Cookie"));
    }

    static Response signIn(String name, String role) {
        return given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("name", name)
                .formParam("role", role)
                .when()
                .post("/desk/session/dev");
    }
}
