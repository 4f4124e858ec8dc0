package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.notify.subscription.Tokens;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.HtmlChecker;
import org.newsroom.testing.MailSink;

/**
 * The readers' pages in the site's theme, as a browser (and the browser journey's texts, READERS-CONTRACT) sees them:
 * subscribing from the site's box, confirming, preferences with topics and pause, unsubscribing, and the pages of a
 * link that no longer works. JSON clients keep their answers (ReaderControlTest, SubscriptionResourceTest).
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class ReaderPagesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern TEXT_LINK = Pattern.compile("(Unsubscribe|Change your topics): (http\\S+)");

    MailSink mail;

    @Inject
    Tokens tokens;

    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    private static RequestSpecification browser() {
        return given().accept(BROWSER).header("X-Forwarded-For", Readers.client());
    }

    private static Subscriber subscriber(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Subscriber.findByEmail(email).orElseThrow());
    }

    private String preferencesToken(String email) {
        Subscriber subscriber = subscriber(email);
        return tokens.subscription(subscriber.id, subscriber.email, subscriber.tokenVersion);
    }

    /** Checks a page is in the theme, valid HTML, without inline code, with one h1; returns it. */
    private static String themed(String html, String h1) throws Exception {
        assertTrue(html.contains("<h1>" + h1 + "</h1>"), html);
        assertEquals(1, html.split("<h1").length - 1, "one h1: " + html);
        assertTrue(html.contains("<main id=\"content\""), "the theme's layout: " + html);
        assertTrue(html.matches("(?s).*<link rel=\"stylesheet\" href=\"/assets/site\\.[0-9a-f]{12}\\.css\">.*"), html);
        assertFalse(html.contains("<script") || html.contains("style="), "works under a CSP without inline code");
        HtmlChecker.assertValid(h1, html);
        return html;
    }

    private static EditionPublished edition(List<String> sections) {
        UUID id = UUID.randomUUID();
        return new EditionPublished(
                id,
                "https://news.example/editions/" + id,
                "Evening Briefing " + id,
                LocalDate.of(2026, 12, 5),
                new EditionLead(
                        UUID.randomUUID(),
                        "Ferry timetable restored",
                        "Boats run again.",
                        "A. Writer",
                        new Attribution("The Harbor Ledger", "https://harbor.example/ferry"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                List.of(),
                sections,
                Instant.now());
    }

    private void publish(EditionPublished edition) {
        records.send(
                Topics.PUBLICATIONS,
                edition.editionId().toString(),
                UUID.randomUUID().toString(),
                EventType.EDITION_PUBLISHED.type(),
                EventCodec.encode(edition));
    }

    private static long deliveries(String email, EditionPublished edition) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Subscriber.getEntityManager()
                                .createNativeQuery("SELECT count(*) FROM delivery d JOIN subscriber s"
                                        + " ON s.id = d.subscriber_id WHERE s.email = ?1 AND d.edition_id = ?2")
                                .setParameter(1, email)
                                .setParameter(2, edition.editionId())
                                .getSingleResult())
                        .longValue());
    }

    /** The site's subscribe box posts a plain form from another origin: no CORS, the answer is a page. */
    @Test
    void theSubscribeBoxFormAnswersCheckYourInboxAndMailsTheConfirmationLinkToTheConfirmPage() throws Exception {
        String email = Readers.newAddress("box");
        String page = browser()
                .header("Origin", "http://localhost:8083")
                .contentType(ContentType.URLENC)
                .formParam("email", "  " + email.toUpperCase(java.util.Locale.ROOT) + " ")
                .formParam("topics", "economics")
                .formParam("topics", "eu-politics")
                .when()
                .post("/subscribe")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("form-action 'self' http://localhost:8084"))
                .extract()
                .asString();
        themed(page, "Check your inbox");
        assertFalse(page.contains("id=\"subscribe\""), "no second subscribe box on its own answer");
        assertEquals(List.of("economics", "eu-politics"), subscriber(email).topicList());
        assertEquals(Subscriber.Status.PENDING, subscriber(email).status);

        // The emailed link opens the confirm page; its button confirms.
        String link = mail.await(MailSink.to(email, Readers.CONFIRMATION_SUBJECT), TIMEOUT)
                .body()
                .lines()
                .filter(line -> line.contains("/api/subscriptions/confirm?token="))
                .findFirst()
                .orElseThrow()
                .strip();
        String token = link.substring(link.indexOf("token=") + "token=".length());
        String confirm = browser()
                .when()
                .get(link.substring(link.indexOf("/api/")))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        themed(confirm, "Confirm your subscription");
        assertTrue(confirm.contains("<form method=\"post\" action=\"confirm?token=" + token + "\">"), confirm);
        assertTrue(confirm.contains(">Confirm subscription</button>"), confirm);
        assertFalse(confirm.contains("id=\"subscribe\""), "no subscribe box while confirming");
        assertEquals(Subscriber.Status.PENDING, subscriber(email).status, "opening the page confirmed nothing");

        String confirmed = browser()
                .queryParam("token", token)
                .contentType(ContentType.URLENC)
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        themed(confirmed, "Subscription confirmed");
        assertEquals(Subscriber.Status.ACTIVE, subscriber(email).status);
    }

    /**
     * No enumeration: an active reader's address, a pending one, a suppressed one and one never seen get the very
     * same answer, byte for byte.
     */
    @Test
    void theSubscribeAnswerIsTheSameWhoeverTheAddressBelongsTo() {
        String active = Readers.active(mail, "box-known");
        String pending = Readers.pending(mail, "box-pending");
        String suppressed = Readers.newAddress("box-suppressed");
        given().header("X-Newsroom-Secret", "test-suppression-secret")
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + suppressed + "\",\"reason\":\"HARD_BOUNCE\"}")
                .when()
                .post("/api/suppressions")
                .then()
                .statusCode(204);
        String unknown = Readers.newAddress("box-unknown");
        List<String> answers = List.of(active, pending, suppressed, unknown).stream()
                .map(email -> browser()
                        .contentType(ContentType.URLENC)
                        .formParam("email", email)
                        .when()
                        .post("/subscribe")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .toList();
        for (String answer : answers) {
            assertEquals(answers.get(3), answer);
        }
        assertEquals(Subscriber.Status.ACTIVE, subscriber(active).status, "an active reader stays as they were");
    }

    @Test
    void anAddressThatIsNoEmailGetsTheFormAgain() throws Exception {
        for (String bad : List.of("not-an-email", "", "a@b@c")) {
            String page = browser()
                    .contentType(ContentType.URLENC)
                    .formParam("email", bad)
                    .when()
                    .post("/subscribe")
                    .then()
                    .statusCode(400)
                    .contentType(ContentType.HTML)
                    .extract()
                    .asString();
            themed(page, "Check the address");
            assertTrue(page.contains("<form method=\"post\" action=\"http://localhost:8084/subscribe\">"), page);
            assertTrue(page.contains("<label for=\"subscribe-email\">Email address</label>"), page);
        }
    }

    /** The form shares the JSON API's sign-up limit (3 per client in tests). */
    @Test
    void theSubscribeFormIsRateLimitedPerClient() {
        String client = Readers.client();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client)
                    .accept(BROWSER)
                    .contentType(ContentType.URLENC)
                    .formParam("email", Readers.newAddress("box-limit"))
                    .when()
                    .post("/subscribe")
                    .then()
                    .statusCode(200);
        }
        given().header("X-Forwarded-For", client)
                .accept(BROWSER)
                .contentType(ContentType.URLENC)
                .formParam("email", Readers.newAddress("box-limit"))
                .when()
                .post("/subscribe")
                .then()
                .statusCode(429)
                .header("Retry-After", not(equalTo(null)))
                .contentType(ContentType.HTML)
                .body(containsString("<h1>Too many sign-ups</h1>"));
    }

    /**
     * The preferences page offers the site's sections as notify learned them from the editions it received, checks
     * the reader's, pauses and resumes; a paused reader stays subscribed but gets no edition while a reader beside
     * them does.
     */
    @Test
    void preferencesChooseTopicsAndPauseStopsTheNewsletterUntilResumed() throws Exception {
        String section = "Harbour Affairs " + UUID.randomUUID().toString().substring(0, 8);
        String key = section.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        EditionPublished introducing = edition(List.of(section));
        publish(introducing);
        WebhookAdmin.awaitEditionSettled(introducing.editionId());

        String email = Readers.active(mail, "pausing");
        String token = preferencesToken(email);
        String page = browser()
                .queryParam("token", token)
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        themed(page, "Your newsletter");
        assertTrue(page.contains("<legend>Topics</legend>"), page);
        assertTrue(page.contains("value=\"" + key + "\"> " + section + "</label>"), page);
        assertTrue(page.contains("Pause the newsletter</label>"), page);
        assertTrue(page.contains(">Save preferences</button>"), page);
        assertTrue(page.contains(">Sign out all links</button>"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"unsubscribe?token=" + token + "\">"), page);
        assertFalse(page.contains("id=\"subscribe\""), "no subscribe box for a subscriber");

        String saved = browser()
                .queryParam("token", token)
                .contentType(ContentType.URLENC)
                .formParam("topics", key)
                .formParam("paused", "on")
                .when()
                .post("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        themed(saved, "Preferences saved");
        assertTrue(saved.contains("paused"), saved);
        Subscriber paused = subscriber(email);
        assertEquals(List.of(key), paused.topicList());
        assertTrue(paused.paused);
        assertEquals(Subscriber.Status.ACTIVE, paused.status, "paused, still subscribed");
        String reopened = browser()
                .queryParam("token", token)
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(reopened.contains("value=\"" + key + "\" checked> " + section), reopened);
        assertTrue(reopened.contains("value=\"on\" aria-describedby=\"paused-hint\" checked>"), reopened);

        // The sentinel: a reader of the same section beside the paused one gets the edition.
        String sentinel = Readers.newAddress("pause-sentinel");
        Readers.subscribe(sentinel, "[\"" + key + "\"]");
        Readers.confirm(mail, sentinel);
        EditionPublished whilePaused = edition(List.of(section));
        publish(whilePaused);
        mail.await(MailSink.to(sentinel, whilePaused.title()), TIMEOUT);
        WebhookAdmin.awaitEditionSettled(whilePaused.editionId());
        assertEquals(0, deliveries(email, whilePaused), "no delivery for a paused reader");
        assertEquals(List.of(), mail.messages(MailSink.to(email, whilePaused.title())));

        // Unchecking resumes: the next edition comes again.
        browser()
                .queryParam("token", token)
                .contentType(ContentType.URLENC)
                .formParam("topics", key)
                .when()
                .post("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .body(containsString("<h1>Preferences saved</h1>"));
        assertFalse(subscriber(email).paused);
        EditionPublished resumed = edition(List.of(section));
        publish(resumed);
        mail.await(MailSink.to(email, resumed.title()), TIMEOUT);

        // JSON clients: the same state, and PUT may pause without knowing the form.
        given().queryParam("token", token)
                .contentType(ContentType.JSON)
                .body("{\"topics\":[],\"paused\":true}")
                .when()
                .put("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .body("paused", equalTo(true))
                .body("topics.size()", equalTo(0));
        given().queryParam("token", token)
                .contentType(ContentType.JSON)
                .body("{\"topics\":[\"" + key + "\"]}")
                .when()
                .put("/api/subscriptions/preferences")
                .then()
                .statusCode(200)
                .body("paused", equalTo(true));
    }

    /** The edition email's footer links open the themed unsubscribe and preferences pages; the button unsubscribes. */
    @Test
    void theEditionEmailsLinksOpenTheUnsubscribeAndPreferencesPages() throws Exception {
        String email = Readers.active(mail, "footer");
        EditionPublished edition = edition(List.of());
        publish(edition);
        String body = mail.await(MailSink.to(email, edition.title()), TIMEOUT).body();
        Matcher links = TEXT_LINK.matcher(body);
        String unsubscribe = null;
        String preferences = null;
        while (links.find()) {
            if (links.group(1).equals("Unsubscribe")) {
                unsubscribe = links.group(2);
            } else {
                preferences = links.group(2);
            }
        }
        assertTrue(unsubscribe != null && preferences != null, body);

        String prefs = browser()
                .when()
                .get(preferences.substring(preferences.indexOf("/api/")))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        themed(prefs, "Your newsletter");

        String landing = browser()
                .when()
                .get(unsubscribe.substring(unsubscribe.indexOf("/api/")))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        themed(landing, "Unsubscribe");
        assertEquals(1, landing.split("<button").length - 1, "one button: " + landing);
        assertEquals(Subscriber.Status.ACTIVE, subscriber(email).status, "opening the page unsubscribed nobody");
        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + "token=".length());
        assertTrue(landing.contains("<form method=\"post\" action=\"unsubscribe?token=" + token + "\">"), landing);

        String done = browser()
                .queryParam("token", token)
                .contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click")
                .when()
                .post("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        themed(done, "Unsubscribed");
        assertEquals(Subscriber.Status.UNSUBSCRIBED, subscriber(email).status);
    }

    /** A link that no longer works says so in the theme, with the problem's status, and what to do instead. */
    @Test
    void brokenLinksGetThemedPagesWithTheirStatus() throws Exception {
        String email = Readers.pending(mail, "broken-links");
        Subscriber subscriber = subscriber(email);
        String expired = tokens.confirmation(
                subscriber.id, subscriber.email, Instant.now().minusSeconds(5));
        String expiredPage = browser()
                .queryParam("token", expired)
                .when()
                .get("/api/subscriptions/confirm")
                .then()
                .statusCode(400)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        themed(expiredPage, "This confirmation link has expired");
        assertTrue(expiredPage.contains("id=\"subscribe\""), "subscribing again is the way out");

        String unknown = tokens.subscription(UUID.randomUUID(), "nobody@example.org", 0);
        String unknownPage = browser()
                .queryParam("token", unknown)
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        themed(unknownPage, "This link does not work");

        String token = tokens.subscription(subscriber.id, subscriber.email, subscriber.tokenVersion);
        browser()
                .queryParam("token", token)
                .contentType(ContentType.URLENC)
                .when()
                .post("/api/subscriptions/revoke")
                .then()
                .statusCode(200)
                .body(containsString("<h1>All links signed out</h1>"));
        String revokedPage = browser()
                .queryParam("token", token)
                .when()
                .get("/api/subscriptions/unsubscribe")
                .then()
                .statusCode(410)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        themed(revokedPage, "This link has been signed out");

        // API clients keep their problems.
        given().queryParam("token", token)
                .when()
                .get("/api/subscriptions/preferences")
                .then()
                .statusCode(410)
                .contentType("application/problem+json");
    }
}
