package org.newsroom.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.ingest.Callers.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The limits that need time to pass, with short settings: a rotated key's grace period ends, and manual fetches of
 * one source are spaced by the production default (10 s; the other tests fetch with no spacing).
 */
@QuarkusTest
@TestProfile(KeyGraceAndFetchLimitTest.Limits.class)
class KeyGraceAndFetchLimitTest {
    static final Duration GRACE = Duration.ofSeconds(4);

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsroom.ingest.partner-key-grace",
                    GRACE.toSeconds() + "s",
                    "newsroom.ingest.fetch.manual-min-interval",
                    "10s");
        }
    }

    private static int push(String partner, String key) {
        return given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"urn:test:%s\",\"headline\":\"Keyed\"}".formatted(UUID.randomUUID()))
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void theOldKeyWorksDuringItsGraceAndIsRefusedAfter() {
        String partner = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"kind\":\"partner\"}".formatted(partner))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String oldKey = created.getString("apiKey");

        Instant before = Instant.now();
        JsonPath rotated = ops().when()
                .post("/api/sources/" + created.getString("id") + "/keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String newKey = rotated.getString("apiKey");
        Instant validUntil = Instant.parse(rotated.getString("previousKeyValidUntil"));
        assertTrue(
                !validUntil.isBefore(before.plus(GRACE))
                        && !validUntil.isAfter(Instant.now().plus(GRACE)),
                "the grace is the configured one: " + validUntil);

        int withinGrace = push(partner, oldKey);
        assertTrue(withinGrace == 201 || !Instant.now().isBefore(validUntil), "the old key works within its grace");
        Awaitility.await()
                .atMost(GRACE.plusSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> push(partner, oldKey) == 401);
        assertTrue(!Instant.now().isBefore(validUntil), "refused only once the grace was over");
        assertTrue(push(partner, newKey) == 201, "the new key keeps working");
    }

    @Test
    void aSecondManualFetchWithinTheIntervalIs429WithRetryAfter() {
        // A closed port: the fetch fails fast, which is still a fetch (and a fetch log entry). Disabled, so the
        // scheduler leaves it alone and the log holds manual fetches only.
        String id = ops().contentType(ContentType.JSON)
                .body("{\"name\":\"feed-%s\",\"url\":\"http://127.0.0.1:9/feed.xml\",\"enabled\":false}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8)))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ops().when().post("/api/sources/" + id + "/fetch").then().statusCode(200);
        ops().when()
                .post("/api/sources/" + id + "/fetch")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header(
                        "Retry-After",
                        value -> Integer.parseInt(value),
                        allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(10)));
        // Sentinel: one fetch was made, not two.
        ops().when()
                .get("/api/sources/" + id + "/fetches")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }
}
