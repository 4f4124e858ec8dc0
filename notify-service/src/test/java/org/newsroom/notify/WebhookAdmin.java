package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.events.Attribution;
import org.newsroom.events.PublicationPublished;
import org.newsroom.testing.TestTokens;

/**
 * The webhook tests' fixtures: the admin that registers and removes endpoints (and reads delivery statistics), and
 * the story they publish.
 */
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

    /** Waits until an edition's fan-out is over and none of its deliveries is still pending. */
    static void awaitEditionSettled(UUID editionId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> admin().when()
                        .get("/api/editions/" + editionId + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("fanningOut", equalTo(false))
                        .body("pending", equalTo(0)));
    }

    static void delete(String... endpoints) {
        for (String endpoint : endpoints) {
            admin().when().delete("/api/webhooks/" + endpoint).then().statusCode(204);
        }
    }

    /** A published story keyed by {@code id}: the same id again is a record on the same partition. */
    static PublicationPublished published(UUID id) {
        return new PublicationPublished(
                id,
                UUID.randomUUID(),
                "story-" + id,
                "https://news.example/p/" + id,
                "Webhook story " + id,
                "Summary.",
                null,
                new Attribution("The Harbor Ledger", null),
                1,
                Instant.now(),
                null,
                List.of("Culture"),
                "<p>Body</p>",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
