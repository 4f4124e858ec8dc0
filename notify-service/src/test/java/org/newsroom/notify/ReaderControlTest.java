package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.notify.subscription.Tokens;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.MailSink;

/** Signed tokens, rate limits, one-click unsubscribe, preferences and suppression. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class ReaderControlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern UNSUBSCRIBE =
            Pattern.compile("<(http://localhost:8084(/api/subscriptions/" + "unsubscribe)\\?token=([A-Za-z0-9_-]+))>");

    MailSink mail;

    @Inject
    Tokens tokens;

    @ConfigProperty(name = "newsroom.notify.token-secret")
    String tokenSecret;

    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    private PublicationPublished publish(String headline) {
        UUID id = UUID.randomUUID();
        PublicationPublished publication = new PublicationPublished(
                id,
                UUID.randomUUID(),
                "story-" + id,
                "https://news.example/p/" + id,
                headline,
                "Summary.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://harbor.example"),
                1,
                Instant.now(),
                null,
                List.of("Breaking"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        records.send(
                Topics.PUBLICATIONS,
                id.toString(),
                UUID.randomUUID().toString(),
                EventType.PUBLICATION_PUBLISHED.type(),
                EventCodec.encode(publication));
        return publication;
    }

    private static Subscriber subscriber(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Subscriber.findByEmail(email).orElseThrow());
    }

    /** The subscription token of the reader's newsletter email, from its List-Unsubscribe header. */
    private String subscriptionToken(String email, String headline) {
        String header = mail.await(MailSink.to(email, headline), TIMEOUT)
                .header("List-Unsubscribe")
                .orElseThrow();
        Matcher matcher = UNSUBSCRIBE.matcher(header);
        assertTrue(matcher.matches(), header);
        return matcher.group(3);
    }

    @Test
    void tamperedAndExpiredConfirmationTokensAreRefused() {
        String email = Readers.pending(mail, "tamper");
        String token = Readers.confirmationToken(mail, email);
        char last = token.charAt(10);
        String tampered = token.substring(0, 10) + (last == 'A' ? 'B' : 'A') + token.substring(11);
        given().queryParam("token", tampered)
                .when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        Subscriber subscriber = subscriber(email);
        String expired = tokens.confirmation(
                subscriber.id, subscriber.email, Instant.now().minusSeconds(5));
        given().queryParam("token", expired)
                .when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("expired"));
        // A subscription token is no confirmation token, and the other way round.
        given().queryParam("token", tokens.subscription(subscriber.id, subscriber.email, subscriber.tokenVersion))
                .when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(404);
        given().queryParam("token", tampered)
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(404);
        given().queryParam("token", expired)
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(400);
        given().queryParam("token", token)
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(404);
        assertEquals(Subscriber.Status.PENDING, subscriber(email).status);
    }

    @Test
    void signUpsAreRateLimitedPerClientAddress() {
        String client = Readers.client();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client)
                    .contentType(ContentType.JSON)
                    .body("{\"email\":\"" + Readers.newAddress("burst") + "\"}")
                    .when()
                    .post("/api/subscriptions")
                    .then()
                    .statusCode(202);
        }
        given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + Readers.newAddress("burst") + "\"}")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429));
        // Another client is not affected.
        Readers.subscribe(Readers.newAddress("other-client"));
    }

    @Test
    void oneClickUnsubscribeStopsTheNewsletterAndCannotBeForgedForAnotherAddress() {
        String leaving = Readers.active(mail, "leaving");
        String staying = Readers.active(mail, "staying");
        PublicationPublished first = publish("Before leaving " + UUID.randomUUID());
        String token = subscriptionToken(leaving, first.headline());
        assertEquals(
                "List-Unsubscribe=One-Click",
                mail.await(MailSink.to(leaving, first.headline()), TIMEOUT)
                        .header("List-Unsubscribe-Post")
                        .orElseThrow());
        assertTrue(mail.await(MailSink.to(leaving, first.headline()), TIMEOUT)
                .body()
                .contains("/api/subscriptions/preferences?token=" + token));
        String stayingToken = subscriptionToken(staying, first.headline());

        // The leaving reader's token re-pointed at the staying reader: the MAC does not match.
        byte[] raw = Base64.getUrlDecoder().decode(token);
        UUID stayingId = subscriber(staying).id;
        java.nio.ByteBuffer.wrap(raw, 1, 16)
                .putLong(stayingId.getMostSignificantBits())
                .putLong(stayingId.getLeastSignificantBits());
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        given().queryParam("token", forged)
                .contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .when()
                .post("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(404);

        // Following the link (GET) only shows a page with the button; it does not unsubscribe.
        given().queryParam("token", token)
                .when()
                .get("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(org.hamcrest.Matchers.containsString("method=\"post\""));
        assertEquals(Subscriber.Status.ACTIVE, subscriber(leaving).status);
        given().queryParam("token", forged)
                .when()
                .get("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(404);

        // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click, no login.
        given().queryParam("token", token)
                .contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .when()
                .post("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(200)
                .body("status", equalTo("UNSUBSCRIBED"))
                .body("email", equalTo(leaving));
        given().queryParam("token", token)
                .contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .when()
                .post("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(200);

        PublicationPublished second = publish("After leaving " + UUID.randomUUID());
        mail.await(MailSink.to(staying, second.headline()), TIMEOUT);
        // Every reader it matched has a row, and every row was sent: the reader who left got no row, so no email.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/publications/" + second.publicationId() + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("fanningOut", equalTo(false))
                        .body("pending", equalTo(0)));
        assertEquals(List.of(), mail.messages(MailSink.to(leaving, second.headline())));
        assertEquals(Subscriber.Status.ACTIVE, subscriber(staying).status);
        assertTrue(stayingToken.length() > 0);
    }

    @Test
    void topicsChosenOnSignUpCanBeChangedWithTheEmailToken() {
        String email = Readers.newAddress("topics");
        Readers.subscribe(email, "[\"Economics\",\"eu-politics\"]");
        Readers.confirm(mail, email);
        Subscriber subscriber = subscriber(email);
        assertEquals(List.of("economics", "eu-politics"), subscriber.topicList());

        String token = tokens.subscription(subscriber.id, subscriber.email, subscriber.tokenVersion);
        given().queryParam("token", token)
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("status", equalTo("ACTIVE"))
                .body("topics", equalTo(List.of("economics", "eu-politics")));
        given().queryParam("token", token)
                .contentType(ContentType.JSON)
                .body("{\"topics\":[\"markets\"]}")
                .when()
                .put("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .body("topics", equalTo(List.of("markets")));
        given().queryParam("token", token)
                .contentType(ContentType.JSON)
                .body("{\"topics\":[\"Not a topic!\"]}")
                .when()
                .put("/api/subscriptions/preferences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("token", token + "x")
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(404);
    }

    /** Mail scanners open links: the preferences link shows forms, and only their POSTs change anything. */
    @Test
    void thePreferencesLinkOpensAPageAndOnlyItsFormsChangeAnything() {
        String email = Readers.newAddress("prefs-page");
        Readers.subscribe(email, "[\"economics\"]");
        Readers.confirm(mail, email);
        Subscriber before = subscriber(email);
        String token = tokens.subscription(before.id, before.email, before.tokenVersion);

        String page = given().queryParam("token", token)
                .accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        for (String action : List.of("preferences", "revoke", "unsubscribe")) {
            assertTrue(page.contains("<form method=\"post\" action=\"" + action + "?token=" + token + "\">"), page);
        }
        assertTrue(page.contains("value=\"economics\""), page);
        assertFalse(page.contains("<script") || page.contains("style="), "works under a CSP without inline code");
        Subscriber after = subscriber(email);
        assertEquals(Subscriber.Status.ACTIVE, after.status);
        assertEquals(List.of("economics"), after.topicList());
        assertEquals(before.tokenVersion, after.tokenVersion);

        // The topics form, as a browser submits it.
        given().queryParam("token", token)
                .accept("text/html")
                .contentType(ContentType.URLENC)
                .formParam("topics", "Markets, culture")
                .when()
                .post("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<h1>Preferences saved</h1>"))
                // Named as the site spells the sections (another test may have published "Culture").
                .body(containsStringIgnoringCase("editions about culture, markets"));
        assertEquals(List.of("culture", "markets"), subscriber(email).topicList());
        given().queryParam("token", token)
                .contentType(ContentType.URLENC)
                .formParam("topics", "Not a topic!")
                .when()
                .post("/api/subscriptions/preferences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("topics"));
    }

    /** "Sign out all links": every unsubscribe/preferences link mailed so far stops working, new ones work. */
    @Test
    void signingOutAllLinksRevokesEveryEarlierToken() {
        String email = Readers.active(mail, "revoking");
        Subscriber subscriber = subscriber(email);
        String token = tokens.subscription(subscriber.id, subscriber.email, subscriber.tokenVersion);
        String unversioned = unversionedToken(subscriber);
        given().queryParam("token", unversioned)
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .body("email", equalTo(email));

        given().queryParam("token", token)
                .when()
                .post("/api/subscriptions/revoke")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));

        for (String old : List.of(token, unversioned)) {
            given().queryParam("token", old)
                    .when()
                    .get("/api/subscriptions/preferences")
                    .then()
                    .statusCode(410)
                    .contentType("application/problem+json");
            given().queryParam("token", old)
                    .contentType(ContentType.URLENC)
                    .body("List-Unsubscribe=One-Click")
                    .when()
                    .post("/api/subscriptions/unsubscribe")
                    .then()
                    .statusCode(410);
            given().queryParam("token", old)
                    .accept("text/html")
                    .when()
                    .get("/api/subscriptions/unsubscribe")
                    .then()
                    .statusCode(410);
        }
        assertEquals(Subscriber.Status.ACTIVE, subscriber(email).status, "a revoked link unsubscribed nobody");

        // The next newsletter carries working links again.
        PublicationPublished next = publish("After signing out " + UUID.randomUUID());
        String fresh = subscriptionToken(email, next.headline());
        given().queryParam("token", fresh)
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .body("email", equalTo(email));
    }

    /** Links from before a reader left do not work for the subscription they start when they come back. */
    @Test
    void subscribingAgainAfterLeavingRevokesTheOldLinks() {
        String email = Readers.active(mail, "returning");
        Subscriber subscriber = subscriber(email);
        String old = tokens.subscription(subscriber.id, subscriber.email, subscriber.tokenVersion);
        given().queryParam("token", old)
                .when()
                .post("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(200)
                .body("status", equalTo("UNSUBSCRIBED"));

        // Within the re-send interval no second email comes; the first link (it has not expired) confirms.
        Readers.subscribe(email);
        given().queryParam("token", Readers.confirmationToken(mail, email))
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().queryParam("token", old)
                .when()
                .post("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(410);
        assertEquals(Subscriber.Status.ACTIVE, subscriber(email).status);
    }

    /** A token as mailed before token versions existed (purpose U, no version): it counts as version 0. */
    private String unversionedToken(Subscriber subscriber) {
        try {
            byte[] claims = java.nio.ByteBuffer.allocate(17)
                    .put((byte) 'U')
                    .putLong(subscriber.id.getMostSignificantBits())
                    .putLong(subscriber.id.getLeastSignificantBits())
                    .array();
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(tokenSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(claims);
            mac.update((byte) 0);
            byte[] signature = mac.doFinal(subscriber.email.getBytes(StandardCharsets.UTF_8));
            byte[] token = java.util.Arrays.copyOf(claims, claims.length + signature.length);
            System.arraycopy(signature, 0, token, claims.length, signature.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void suppressedAddressesAreNeverMailedAndCounted() {
        String bounced = Readers.active(mail, "bounced");
        String body = "{\"email\":\"" + bounced.toUpperCase(java.util.Locale.ROOT) + "\",\"reason\":\"HARD_BOUNCE\"}";
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/suppressions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Newsroom-Secret", "wrong")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/suppressions")
                .then()
                .statusCode(401);
        given().header("X-Newsroom-Secret", "test-suppression-secret")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/suppressions")
                .then()
                .statusCode(204);
        given().header("X-Newsroom-Secret", "test-suppression-secret")
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + bounced + "\",\"reason\":\"SOMETHING\"}")
                .when()
                .post("/api/suppressions")
                .then()
                .statusCode(400);

        PublicationPublished publication = publish("Not for the bounced " + UUID.randomUUID());
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/publications/" + publication.publicationId() + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("suppressed", greaterThanOrEqualTo(1))
                        .body("pending", equalTo(0))
                        .body("fanningOut", equalTo(false)));
        assertEquals(List.of(), mail.messages(MailSink.to(bounced, publication.headline())));

        // Subscribing again does not bring a suppressed address back, nor mail it: no confirmation is decided on.
        Instant confirmationSentAt = subscriber(bounced).confirmationSentAt;
        Readers.subscribe(bounced);
        assertEquals(confirmationSentAt, subscriber(bounced).confirmationSentAt);
        assertEquals(
                1,
                mail.messages(MailSink.to(bounced, Readers.CONFIRMATION_SUBJECT))
                        .size());
    }
}
