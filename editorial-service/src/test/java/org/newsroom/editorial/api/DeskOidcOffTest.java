package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Without NEWSROOM_DESK_OIDC_SERVER_URL (as here) there is no sign-in through an identity provider: its path does not
 * exist, and nothing redirects to a provider (DeskOidcLoginBrowserTest, module e2e, signs in with one).
 */
@QuarkusTest
class DeskOidcOffTest {
    @Test
    void theProvidersSignInIsNotFoundWithoutAProvider() {
        given().redirects()
                .follow(false)
                .when()
                .get("/desk/session/oidc")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
