package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.MailSink;

@QuarkusTest
@WithTestResource(MailSinkResource.class)
class SubscriptionResourceTest {

    MailSink mail;

    @Test
    void confirmationMailActivatesTheSubscriptionAndRepeatsRevealNothing() {
        String email = Readers.newAddress("confirm.me");
        String typed = "  " + email.toUpperCase(Locale.ROOT) + " ";
        String first = given().contentType(ContentType.JSON).body("{\"email\":\"" + typed + "\",\"name\":\"Ada\"}")
                .when().post("/api/subscriptions")
                .then().statusCode(202).extract().asString();
        assertEquals("{\"status\":\"PENDING\"}", first);

        MailSink.Mail confirmation = mail.await(MailSink.to(email, Readers.CONFIRMATION_SUBJECT),
                Duration.ofSeconds(20));
        assertEquals(java.util.List.of(email), confirmation.to(), "stored and mailed lower-cased");
        assertEquals("newsroom@localhost", confirmation.from());
        assertTrue(confirmation.body().contains("http://localhost:8084/api/subscriptions/confirm?token="),
                confirmation.body());
        String token = Readers.confirmationToken(mail, email);
        assertEquals(43, token.length(), "32 random bytes, base64url");

        given().queryParam("token", token)
                .when().get("/api/subscriptions/confirm")
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("email", equalTo(email));
        // Following the link twice is harmless.
        given().queryParam("token", token)
                .when().get("/api/subscriptions/confirm")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        // The same address again: the same answer, and no second confirmation for an active reader.
        String again = given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .when().post("/api/subscriptions")
                .then().statusCode(202).extract().asString();
        assertEquals(first, again);
        assertEquals(1, mail.settle(MailSink.to(email, Readers.CONFIRMATION_SUBJECT), Duration.ofSeconds(2)).size());
    }

    @Test
    void pendingAddressSubscribingAgainGetsTheSameLinkAgain() {
        String email = Readers.newAddress("twice");
        Readers.subscribe(email);
        String token = Readers.confirmationToken(mail, email);
        Readers.subscribe(email);
        java.util.List<MailSink.Mail> confirmations = mail.awaitCount(
                MailSink.to(email, Readers.CONFIRMATION_SUBJECT), 2, Duration.ofSeconds(20));
        assertTrue(confirmations.stream().allMatch(m -> m.body().contains("token=" + token)));
    }

    @Test
    void invalidAddressIsRefusedWithAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"email\":\"not-an-address\"}")
                .when().post("/api/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("email"));
        given().contentType(ContentType.JSON).body("{\"name\":\"No Address\"}")
                .when().post("/api/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void unknownTokenIsNotFound() {
        given().queryParam("token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .when().get("/api/subscriptions/confirm")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().when().get("/api/subscriptions/confirm")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("token"));
    }
}
