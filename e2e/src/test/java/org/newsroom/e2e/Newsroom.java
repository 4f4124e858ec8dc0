package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/** What the people around a pipeline do through its APIs: partners push, chief editors approve, readers sign up. */
final class Newsroom {
    private static final Pattern CONFIRM_TOKEN = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)");
    private static final String CHIEF_EDITOR = TestTokens.token("chris", "chief-editor");
    private static final String EDITOR = TestTokens.token("eddie", "editor");

    private Newsroom() {
    }

    /** Double opt-in, as a reader does it: subscribe, open the confirmation email, press the button its link shows. */
    static void subscribe(ServiceProcess notify, MailSink mail, String reader) {
        given().baseUri(notify.url()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + reader + "\",\"name\":\"E2E Reader\"}")
                .when().post("/api/subscriptions").then().statusCode(202);
        MailSink.Mail confirmation = mail.await(MailSink.to(reader), Duration.ofSeconds(60));
        Matcher token = CONFIRM_TOKEN.matcher(confirmation.body());
        assertTrue(token.find(), "the confirmation email carries a confirm link");
        given().baseUri(notify.url()).queryParam("token", token.group(1))
                .when().post("/api/subscriptions/confirm").then().statusCode(200);
    }

    static void pushItem(ServiceProcess ingest, String headline) {
        pushItem(ingest, headline, null);
    }

    /** @param traceparent the W3C trace context the push continues, or null to start none */
    static void pushItem(ServiceProcess ingest, String headline, String traceparent) {
        given().baseUri(ingest.url()).auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .headers(traceHeaders(traceparent))
                .body("""
                        {"source":"wire-desk","externalId":"%s","url":"https://example.org/%s",
                         "headline":"%s","summary":"Premiums fell for the first time this year.",
                         "byline":"D. Hale","outlet":"The Harbor Ledger","outletUrl":"https://example.org"}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID(), headline))
                .when().post("/api/items").then().statusCode(201);
    }

    static void approve(ServiceProcess editorial, String storyId) {
        approve(editorial, storyId, null);
    }

    /** Approves the story as the chief editor just read it: editorial requires that ETag in If-Match. */
    static void approve(ServiceProcess editorial, String storyId, String traceparent) {
        String etag = given().baseUri(editorial.url()).auth().oauth2(CHIEF_EDITOR)
                .when().get("/api/stories/" + storyId).then().statusCode(200).extract().header("ETag");
        given().baseUri(editorial.url()).auth().oauth2(CHIEF_EDITOR).headers(traceHeaders(traceparent))
                .header("If-Match", etag).when().post("/api/stories/" + storyId + "/approve").then().statusCode(200);
    }

    private static Map<String, String> traceHeaders(String traceparent) {
        return traceparent == null ? Map.of() : Map.of("traceparent", traceparent);
    }
}
