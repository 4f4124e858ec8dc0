package org.newsroom.notify;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.newsroom.testing.TestTokens;

/** The admin of the tests: registers and removes webhook endpoints (and reads delivery statistics). */
final class WebhookAdmin {
    private WebhookAdmin() {}

    static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token("partner-admin", "admin"));
    }

    /** @return the new endpoint's id; {@code eventTypesJson} is a JSON array, {@code []} for every type */
    static String register(String url, String eventTypesJson) {
        return admin().contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"eventTypes\":" + eventTypesJson + "}")
                .when()
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void delete(String... endpoints) {
        for (String endpoint : endpoints) {
            admin().when().delete("/api/webhooks/" + endpoint).then().statusCode(204);
        }
    }
}
