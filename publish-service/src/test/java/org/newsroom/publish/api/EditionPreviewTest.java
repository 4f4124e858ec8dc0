package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.publish.domain.Edition;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.ManagementPort;
import org.newsroom.testing.TopicWatcher;

/** The desk's preview of an edition (management interface): the page publish would serve, storing nothing. */
@QuarkusTest
class EditionPreviewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final CloudEventRecords RECORDS = new CloudEventRecords();

    @AfterAll
    static void close() {
        RECORDS.close();
    }

    private static EditionApproved edition(String tag) {
        LocalDate date =
                LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        return new EditionApproved(
                UUID.randomUUID(),
                "Preview Briefing " + tag,
                date,
                new EditionLead(
                        UUID.randomUUID(),
                        "Lead " + tag,
                        "Talks ran late.\n\nNo text agreed.",
                        "R. Keel",
                        new Attribution("Partner Syndicate", "https://example.org/syndicate"),
                        "Why we lead with this: <it matters>.",
                        "R. Keel writes on diplomacy.",
                        "© 2040 Partner Syndicate",
                        "https://example.org/summit.jpg",
                        "Delegates leave Geneva",
                        "Photo: A. Lens"),
                List.of(brief(1, "First take " + tag), brief(2, "Second take " + tag), brief(3, "Third take " + tag)),
                List.of("Geopolitics"),
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
                new Attribution("The Harbor Ledger", "https://example.org/ledger"));
    }

    private static io.restassured.response.Response preview(String body) {
        return given().baseUri(ManagementPort.url())
                .contentType("application/json")
                .body(body)
                .when()
                .post("/preview/edition");
    }

    @Test
    void previewOfAPublishedEditionIsItsPage() {
        EditionApproved edition = edition(Stories.tag());
        String slug = edition.date().toString();
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            Edition.storyIds(edition)
                    .forEach(id -> stories.send(id, Stories.approval(id, "Edition story " + id, List.of(), null)));
            RECORDS.send(
                    Topics.EDITORIAL,
                    edition.editionId().toString(),
                    UUID.randomUUID().toString(),
                    EventType.EDITION_APPROVED.type(),
                    EventCodec.encode(edition));
            publications.await(
                    r -> edition.editionId().toString().equals(r.key())
                            && EventType.EDITION_PUBLISHED.type().equals(TopicWatcher.header(r, "ce_type")),
                    WAIT);
        }
        String page = given().when()
                .get("/editions/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        String preview = preview(EventCodec.encode(edition))
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .extract()
                .asString();

        assertEquals(page, preview, "the preview of a published edition is its page, to the byte");
        assertTrue(page.contains("class=\"feedback"), "the lead is public: the page has its forms, and so the preview");
    }

    @Test
    void previewOfADraftRendersItsUnpublishedStoriesAndStoresNothing() {
        String tag = Stories.tag();
        EditionApproved draft = edition(tag);
        String slug = draft.date().toString();

        String html = preview(EventCodec.encode(draft))
                .then()
                .statusCode(200)
                .extract()
                .asString();

        int lead = html.indexOf("<h2 id=\"lead-heading\">Lead " + tag + "</h2>");
        int note = html.indexOf("<p>Why we lead with this: &lt;it matters&gt;.</p>");
        int first = html.indexOf("<h3>First take " + tag);
        int second = html.indexOf("<h3>Second take " + tag);
        int third = html.indexOf("<h3>Third take " + tag);
        assertTrue(
                lead > 0 && lead < note && note < first && first < second && second < third,
                "lead (unlinked: not public here), note, then the takes in order: " + html);
        assertTrue(html.contains("<link rel=\"canonical\" href=\"http://localhost:8083/editions/" + slug + "\">"));
        assertTrue(!html.contains("class=\"feedback"), "no forms for a lead that is not public");

        // the sentinel: the preview was answered, so whatever it would have stored is there now
        assertNull(QuarkusTransaction.requiringNew().call(() -> Edition.findById(draft.editionId())));
        assertEquals(0, Stories.announced(draft.editionId()), "nothing announced about the draft");
        given().when().get("/editions/" + slug).then().statusCode(404);
        given().when().get("/api/editions/" + slug).then().statusCode(404);
    }

    @Test
    void notASnapshotIsABadRequest() {
        preview("{not json")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("EditionApproved"));
        preview("{\"title\":\"no lead\"}").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() {
        preview("{\"title\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body(containsString("Request Entity Too Large"));
    }

    @Test
    void thePublicPortHasNoPreview() {
        given().contentType("application/json")
                .body(EventCodec.encode(edition("x")))
                .when()
                .post("/preview/edition")
                .then()
                .statusCode(404);
    }
}
