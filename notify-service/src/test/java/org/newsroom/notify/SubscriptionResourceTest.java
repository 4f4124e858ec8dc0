package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.MailSink;

@QuarkusTest
@WithTestResource(MailSinkResource.class)
class SubscriptionResourceTest {

    MailSink mail;

    @Test
    void confirmationMailActivatesTheSubscriptionAndRepeatsRevealNothing() {
        String email = Readers.newAddress("confirm.me");
        String typed = "  " + email.toUpperCase(Locale.ROOT) + " ";
        String first = given().header("X-Forwarded-For", Readers.client())
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + typed + "\",\"name\":\"Ada\"}")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(202)
                .extract()
                .asString();
        assertEquals("{\"status\":\"PENDING\"}", first);

        MailSink.Mail confirmation =
                mail.await(MailSink.to(email, Readers.CONFIRMATION_SUBJECT), Duration.ofSeconds(20));
        assertEquals(java.util.List.of(email), confirmation.to(), "stored and mailed lower-cased");
        assertEquals("newsroom@localhost", confirmation.from());
        assertTrue(
                confirmation.body().contains("http://localhost:8084/api/subscriptions/confirm?token="),
                confirmation.body());
        String token = Readers.confirmationToken(mail, email);
        assertEquals(76, token.length(), "purpose, subscriber id, expiry and HMAC-SHA256, base64url");

        given().queryParam("token", token)
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("email", equalTo(email));
        // Pressing the button twice is harmless.
        given().queryParam("token", token)
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));

        // The same address again: the same answer, and no second confirmation for an active reader (the send time
        // is recorded with the decision to send, in the request's transaction).
        Instant sentAt = confirmationSentAt(email);
        String again = given().header("X-Forwarded-For", Readers.client())
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\"}")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(202)
                .extract()
                .asString();
        assertEquals(first, again);
        assertEquals(sentAt, confirmationSentAt(email));
        assertEquals(
                1,
                mail.messages(MailSink.to(email, Readers.CONFIRMATION_SUBJECT)).size());
    }

    /** Mail scanners open links: the confirmation link only shows a page, whose button (a form) POSTs. */
    @Test
    void openingTheConfirmationLinkConfirmsNothingUntilItsButtonIsPressed() {
        String email = Readers.pending(mail, "scanned");
        String token = Readers.confirmationToken(mail, email);

        String page = given().queryParam("token", token)
                .accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .extract()
                .asString();
        assertTrue(page.contains("<form method=\"post\" action=\"confirm?token=" + token + "\">"), page);
        assertFalse(page.contains("<script") || page.contains("style="), "works under a CSP without inline code");
        given().queryParam("token", token)
                .when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(200);
        assertEquals(Subscriber.Status.PENDING, status(email), "opening the link twice confirmed nothing");

        // The page's button: a browser's form POST, answered with a page.
        given().queryParam("token", token)
                .accept("text/html,*/*;q=0.8")
                .contentType(ContentType.URLENC)
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("Subscription confirmed"));
        assertEquals(Subscriber.Status.ACTIVE, status(email));
    }

    /** Anyone can sign a stranger up: nothing they typed may ride along with our link (no spam relay). */
    @Test
    void theConfirmationEmailCarriesNoNameTheSenderChose() {
        String email = Readers.newAddress("stranger");
        given().header("X-Forwarded-For", Readers.client())
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"name\":\"Win $$$ at http://evil.example/claim\"}")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(202);

        String body = mail.await(MailSink.to(email, Readers.CONFIRMATION_SUBJECT), Duration.ofSeconds(20))
                .body();
        assertFalse(body.contains("evil.example") || body.contains("Win $$$"), body);
        assertTrue(body.startsWith("Hello,"), body);
    }

    /** Set in the transaction that decides to send a confirmation: unchanged, no email was sent. */
    private static Instant confirmationSentAt(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Subscriber.findByEmail(email).orElseThrow().confirmationSentAt);
    }

    private static Subscriber.Status status(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Subscriber.findByEmail(email).orElseThrow().status);
    }

    @Test
    void pendingAddressSubscribingAgainGetsAWorkingLinkAgain() {
        String email = Readers.newAddress("twice");
        Readers.subscribe(email);
        // Timed from the answer: the first email's send time was recorded before it (a loaded machine is slow).
        long start = System.nanoTime();
        Readers.confirmationToken(mail, email);
        // Submitted again at once: no second email within the re-send interval (3s in tests): no mail-bombing.
        Instant sentAt = confirmationSentAt(email);
        Readers.subscribe(email);
        assertEquals(sentAt, confirmationSentAt(email));
        assertEquals(
                1,
                mail.messages(MailSink.to(email, Readers.CONFIRMATION_SUBJECT)).size());
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> System.nanoTime() - start > Duration.ofMillis(3500).toNanos());
        Readers.subscribe(email);
        java.util.List<MailSink.Mail> confirmations =
                mail.awaitCount(MailSink.to(email, Readers.CONFIRMATION_SUBJECT), 2, Duration.ofSeconds(20));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)")
                .matcher(confirmations.get(1).body());
        assertTrue(link.find(), confirmations.get(1).body());
        given().queryParam("token", link.group(1))
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void invalidAddressIsRefusedWithAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-address\"}")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("email"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"No Address\"}")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void unknownTokenIsNotFound() {
        given().queryParam("token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().queryParam("token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // Not a token at all: refused before it could reach a page.
        given().queryParam("token", "<script>alert(1)</script>")
                .when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("token"));
        given().when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("token"));
    }
}
