package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.testing.MailSink;

/** Test readers, subscribed through the API and confirmed through the real confirmation email. */
final class Readers {
    static final String CONFIRMATION_SUBJECT = "Confirm your newsletter subscription";
    private static final Pattern TOKEN = Pattern.compile("/api/subscriptions/confirm\\?token=([A-Za-z0-9_-]+)");

    private Readers() {}

    /** A fresh address, unique across runs sharing the database and the broker. */
    static String newAddress(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    /** A client address of its own (X-Forwarded-For, trusted in tests), so sign-up rate limits do not interfere. */
    static String client() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static void subscribe(String email) {
        given().header("X-Forwarded-For", client())
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"name\":\"Test Reader\"}")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"));
    }

    static void subscribe(String email, String topicsJson) {
        given().header("X-Forwarded-For", client())
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"topics\":" + topicsJson + "}")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"));
    }

    /** Presses the button of the page the confirmation link opens (a POST). */
    static void confirm(MailSink sink, String email) {
        given().queryParam("token", confirmationToken(sink, email))
                .when()
                .post("/api/subscriptions/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    static String confirmationToken(MailSink sink, String email) {
        MailSink.Mail mail = sink.await(MailSink.to(email, CONFIRMATION_SUBJECT), Duration.ofSeconds(20));
        Matcher matcher = TOKEN.matcher(mail.body());
        if (!matcher.find()) {
            throw new AssertionError("No confirmation link in: " + mail.body());
        }
        return matcher.group(1);
    }

    /** Subscribes and confirms through the emailed link: the reader is ACTIVE afterwards. */
    static String active(MailSink sink, String who) {
        String email = newAddress(who);
        subscribe(email);
        confirm(sink, email);
        return email;
    }

    static String pending(MailSink sink, String who) {
        String email = newAddress(who);
        subscribe(email);
        confirmationToken(sink, email);
        return email;
    }
}
