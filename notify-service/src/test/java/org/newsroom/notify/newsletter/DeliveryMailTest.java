package org.newsroom.notify.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.notify.MailSinkResource;

/**
 * The newsletter in both parts: the lead's author bio, rights line and image; the footer with the reader's own
 * links, where to write, where to grade.
 */
@QuarkusTest
@WithTestResource(MailSinkResource.class)
class DeliveryMailTest {

    @Inject
    DeliveryMail mails;

    private static EditionPublished edition() {
        UUID id = UUID.randomUUID();
        return new EditionPublished(
                id,
                "https://news.example/editions/2026-11-25",
                "The Daily Brief",
                LocalDate.of(2026, 11, 25),
                new EditionLead(UUID.randomUUID(), "Lead", "Summary.", null, new Attribution("Outlet", null), null),
                List.of(),
                List.of(),
                Instant.now());
    }

    @Test
    void footerCarriesUnsubscribePreferencesLettersAndGradeLinksInTextAndHtml() {
        EditionPublished edition = edition();
        Mail mail = mails.compose(new ClaimedDelivery.EditionDue(
                UUID.randomUUID(),
                UUID.randomUUID(),
                edition.editionId(),
                0,
                "reader@example.org",
                0,
                EventCodec.encode(edition),
                true,
                null,
                UUID.randomUUID()));

        String text = mail.getText();
        assertTrue(text.contains("Grade this edition: https://news.example/editions/2026-11-25#grade"), text);
        assertTrue(text.contains("Letters to the editor: letters@news.example"), text);
        assertTrue(text.contains("Unsubscribe: http://localhost:8084/api/subscriptions/unsubscribe?token="), text);
        assertTrue(
                text.contains("Change your topics: http://localhost:8084/api/subscriptions/preferences?token="), text);
        String html = mail.getHtml();
        assertTrue(
                html.contains("<a href=\"https://news.example/editions/2026-11-25#grade\">Grade this edition</a>"),
                html);
        assertTrue(html.contains("<a href=\"mailto:letters@news.example\">letters@news.example</a>"), html);
        assertTrue(html.contains("<a href=\"http://localhost:8084/api/subscriptions/unsubscribe?token="), html);
        assertTrue(html.contains("<a href=\"http://localhost:8084/api/subscriptions/preferences?token="), html);
    }

    @Test
    void leadCarriesItsAuthorsBioRightsLineAndImage() {
        EditionLead lead = new EditionLead(
                UUID.randomUUID(),
                "Why the strait matters",
                "It does.",
                "R. Keel",
                new Attribution("Partner Syndicate", "https://syndicate.example"),
                null,
                "R. Keel writes on shipping.",
                "© 2026 Partner Syndicate",
                "https://img.example/strait.jpg",
                "Tankers at anchor",
                "Photo: A. Lens");
        Mail mail = compose(lead);

        String text = mail.getText();
        assertTrue(text.contains("About the author: R. Keel writes on shipping."), text);
        assertTrue(text.contains("\n© 2026 Partner Syndicate\n"), text);
        String html = mail.getHtml();
        assertTrue(html.contains("<img src=\"https://img.example/strait.jpg\" alt=\"Tankers at anchor\""), html);
        assertTrue(html.contains("Tankers at anchor Photo: A. Lens</figcaption>"), html);
        assertTrue(html.contains("About the author: R. Keel writes on shipping."), html);
        assertTrue(html.contains(">© 2026 Partner Syndicate</p>"), html);
        assertTrue(html.indexOf("About the author") < html.indexOf("Read on"), html);

        String unsafe = compose(new EditionLead(
                        lead.storyId(),
                        lead.headline(),
                        lead.summary(),
                        lead.byline(),
                        lead.attribution(),
                        null,
                        null,
                        null,
                        "javascript:alert(1)",
                        null,
                        null))
                .getHtml();
        assertFalse(unsafe.contains("<img"), "only http(s) images: " + unsafe);
        assertFalse(unsafe.contains("About the author"), unsafe);
    }

    private Mail compose(EditionLead lead) {
        UUID id = UUID.randomUUID();
        EditionPublished edition = new EditionPublished(
                id,
                "https://news.example/editions/2026-11-26",
                "The Daily Brief",
                LocalDate.of(2026, 11, 26),
                lead,
                List.of(),
                List.of(),
                Instant.now());
        return mails.compose(new ClaimedDelivery.EditionDue(
                UUID.randomUUID(),
                UUID.randomUUID(),
                id,
                0,
                "reader@example.org",
                0,
                EventCodec.encode(edition),
                true,
                null,
                UUID.randomUUID()));
    }

    /** Events may come from elsewhere than our own pipeline: markup in them never becomes markup or a link. */
    @Test
    void hostileMarkupAndLinksInAnEventStayInertText() {
        String hostile =
                "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> " + "<a href=\"javascript:alert(3)\">x</a>";
        EditionLead lead = new EditionLead(
                UUID.randomUUID(),
                "<script>alert(4)</script>",
                hostile,
                null,
                new Attribution("Outlet", "javascript:alert(5)"),
                null);
        UUID id = UUID.randomUUID();
        EditionPublished edition = new EditionPublished(
                id,
                "javascript:alert(6)",
                "The Daily Brief",
                LocalDate.of(2026, 11, 27),
                lead,
                List.of(new org.newsroom.events.EditionBrief(
                        1,
                        UUID.randomUUID(),
                        "Brief",
                        List.of(hostile),
                        new Attribution("Wire", "javascript:alert(7)"))),
                List.of(),
                Instant.now());
        Mail mail = mails.compose(new ClaimedDelivery.EditionDue(
                UUID.randomUUID(),
                UUID.randomUUID(),
                id,
                0,
                "reader@example.org",
                0,
                EventCodec.encode(edition),
                true,
                null,
                UUID.randomUUID()));

        String html = mail.getHtml();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img src=x") || html.contains("<img src=\"x\""), html);
        assertFalse(html.contains("href=\"javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text: " + html);
        assertFalse(
                mail.getText().contains("Read on: javascript:")
                        || mail.getText().contains("Wire javascript:"),
                mail.getText());

        Mail alert = mails.compose(new ClaimedDelivery.Due(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                0,
                "reader@example.org",
                0,
                "Headline",
                hostile,
                "https://news.example/p/1",
                "Outlet",
                "javascript:alert(8)",
                true,
                null,
                UUID.randomUUID()));
        assertEquals(null, alert.getHtml(), "a breaking alert is plain text");
        assertFalse(alert.getText().contains("javascript:alert(8)"), alert.getText());
    }

    @Test
    void aConfiguredGradeUrlNamesTheEdition() {
        EditionPublished edition = edition();

        assertEquals(
                "https://editorial.example/grade?edition=" + edition.editionId(),
                DeliveryMail.gradeLink(Optional.of("https://editorial.example/grade"), edition));
        assertEquals(
                "https://editorial.example/feedback?kind=grade&edition=" + edition.editionId(),
                DeliveryMail.gradeLink(Optional.of("https://editorial.example/feedback?kind=grade"), edition));
    }
}
