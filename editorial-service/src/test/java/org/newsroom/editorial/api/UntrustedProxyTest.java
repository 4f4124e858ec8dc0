package org.newsroom.editorial.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.editorial.feedback.Grade;

/**
 * X-Forwarded-For counts only from a trusted proxy: here the test client (127.0.0.1) is not one, so a client that
 * names a new address in each request still spends one budget, its own.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.NoTrustedProxy.class)
class UntrustedProxyTest {

    /** A proxy list without the test client, and a small budget. */
    public static class NoTrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The %test key, because a profiled key in application.properties outranks an unprofiled override.
            return Map.of(
                    "%test.quarkus.http.proxy.trusted-proxies",
                    "192.0.2.1", "newsroom.editorial.feedback.per-client-per-minute", "3");
        }
    }

    private static int grade(UUID publication, String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor)
                .contentType(ContentType.JSON)
                .body("{\"publicationId\": \"" + publication + "\", \"grade\": 4}")
                .when()
                .post("/api/feedback/grades")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void forwardedForFromAnUntrustedPeerBuysNoFreshBudget() {
        UUID first = UUID.randomUUID();
        assertEquals(201, grade(first, "203.0.113.1"));
        assertEquals(201, grade(UUID.randomUUID(), "203.0.113.2"));
        assertEquals(201, grade(UUID.randomUUID(), "203.0.113.3"));
        UUID refused = UUID.randomUUID();
        assertEquals(429, grade(refused, "198.51.100.77"), "a fourth 'client' is the same peer");

        // The grades are the peer's, whatever the header said; the refused one was not stored.
        assertNotEquals(
                "203.0.113.1",
                QuarkusTransaction.requiringNew()
                        .call(() -> Grade.<Grade>find("publicationId", first).firstResult().client));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Grade.count("publicationId", refused)));
    }
}
