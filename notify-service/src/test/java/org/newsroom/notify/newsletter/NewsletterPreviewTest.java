package org.newsroom.notify.newsletter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.notify.MailSinkResource;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.testing.ManagementPort;

/** The desk's preview of an edition's newsletter (management interface): the email's HTML, for no reader. */
@QuarkusTest
@WithTestResource(MailSinkResource.class)
class NewsletterPreviewTest {

    @Inject
    DeliveryMail mails;

    private static EditionApproved draft(String tag) {
        return new EditionApproved(
                UUID.randomUUID(),
                "Preview Briefing " + tag,
                LocalDate.of(2041, 3, 14),
                new EditionLead(
                        UUID.randomUUID(),
                        "Lead " + tag,
                        "Dockworkers accepted the offer.\n\nShips queue to unload.",
                        "A. Writer",
                        new Attribution("The Harbor Ledger", "https://harbor.example/strike"),
                        "We lead with this: <the port> feeds the region.",
                        "A. Writer covers the port.",
                        "© 2041 The Harbor Ledger",
                        "https://images.example/port.jpg",
                        "The quay at dawn",
                        "Photo: J. Doe"),
                List.of(brief(1, "First take " + tag), brief(2, "Second take " + tag), brief(3, "Third take " + tag)),
                List.of("markets"),
                null,
                "chief@newsroom.local",
                Instant.now());
    }

    private static EditionBrief brief(int number, String headline) {
        return new EditionBrief(
                number,
                UUID.randomUUID(),
                headline,
                List.of("One paragraph."),
                new Attribution("Grain Daily", "https://grain.example/a"));
    }

    private static Response preview(String body) {
        return given().baseUri(ManagementPort.url())
                .contentType("application/json")
                .body(body)
                .when()
                .post("/preview/newsletter");
    }

    @Test
    void previewIsTheEditionEmailsHtmlWithPlaceholderReaderLinks() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        EditionApproved draft = draft(tag);

        String preview = preview(EventCodec.encode(draft))
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .extract()
                .asString();

        // what a reader gets once publish announces the edition at its first address of that date
        EditionPublished published = new EditionPublished(
                draft.editionId(),
                "http://localhost:8083/editions/2041-03-14",
                draft.title(),
                draft.date(),
                draft.lead(),
                draft.briefs(),
                draft.sections(),
                Instant.now());
        String readers = mails.compose(new ClaimedDelivery.EditionDue(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        draft.editionId(),
                        0,
                        "reader@example.org",
                        0,
                        EventCodec.encode(published),
                        true,
                        null,
                        UUID.randomUUID()))
                .getHtml();
        assertEquals(
                readers.replaceAll("\\?token=[A-Za-z0-9_.-]+\"", "?token=" + DeliveryMail.PREVIEW_TOKEN + "\""),
                preview,
                "the reader's email, but for the reader's own links");
        assertTrue(preview.contains("/api/subscriptions/unsubscribe?token=preview\""), preview);

        int lead = preview.indexOf("Lead " + tag + "</a></h2>");
        int note = preview.indexOf("We lead with this: &lt;the port&gt; feeds the region.");
        int first = preview.indexOf("<h3>First take " + tag + "</h3>");
        int second = preview.indexOf("<h3>Second take " + tag + "</h3>");
        int third = preview.indexOf("<h3>Third take " + tag + "</h3>");
        assertTrue(lead > 0 && lead < note && note < first && first < second && second < third, preview);
    }

    @Test
    void previewStoresNothing() {
        EditionApproved draft = draft("stored");

        preview(EventCodec.encode(draft)).then().statusCode(200);

        // the sentinel: the preview has been answered, so anything it wrote would be there by now
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Subscriber.getEntityManager()
                                .createNativeQuery("SELECT (SELECT count(*) FROM edition_notice WHERE edition_id = ?1)"
                                        + " + (SELECT count(*) FROM outbox_event WHERE payload LIKE ?2)")
                                .setParameter(1, draft.editionId())
                                .setParameter(2, "%" + draft.editionId() + "%")
                                .getSingleResult())
                        .longValue());
        assertEquals(0, rows, "no edition to mail, no event about it");
    }

    @Test
    void notASnapshotIsABadRequest() {
        preview("[]").then().statusCode(400).contentType("application/problem+json");
        preview("{\"title\":\"no lead\"}").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void thePublicPortHasNoPreview() {
        String body = EventCodec.encode(draft("public"));
        assertFalse(body.isEmpty());
        given().contentType("application/json")
                .body(body)
                .when()
                .post("/preview/newsletter")
                .then()
                .statusCode(404);
    }
}
