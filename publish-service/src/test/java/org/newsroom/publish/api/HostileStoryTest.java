package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.TopicWatcher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * An event on news.editorial need not have come through ingest's sanitizer. Whatever HTML it carries, no page, feed,
 * API answer or event of publish carries anything that runs: the body goes through the story-HTML allow-list, every
 * other field is text that Qute escapes.
 */
@QuarkusTest
class HostileStoryTest {
    static final String HOSTILE = "<p>Before the attack.</p><script>alert(1)</script><img src=x onerror=alert(2)>"
            + "<a href=\"javascript:alert(3)\">click</a><iframe src=\"https://evil.example.org/\"></iframe>"
            + "<p style=\"color:red\" onclick=\"alert(4)\">After the attack.</p>";
    /** In a text field: shown as text, never as markup. */
    static final String HOSTILE_TEXT = "<script>alert(5)</script><img src=x onerror=alert(6)>";

    private static final Set<String> ACTIVE_ELEMENTS = Set.of("iframe", "frame", "object", "embed", "style", "base");

    @Inject
    EntityManager entityManager;

    /**
     * Parsed as a browser would (the Nu checker's HTML5 parser): no element or attribute that runs or loads
     * something unasked. Escaped text, even inside an attribute value, is just text here. The one script element a
     * page may have is a JSON-LD data block (which never runs), and it must hold JSON and nothing else: a value that
     * closed it early would leave broken JSON and markup after it.
     */
    static void assertInert(String where, String html) {
        Document document;
        try {
            document = new HtmlDocumentBuilder().parse(new InputSource(new StringReader(html)));
        } catch (SAXException | IOException e) {
            throw new AssertionError(where + " does not parse", e);
        }
        NodeList elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String name = element.getLocalName();
            assertFalse(ACTIVE_ELEMENTS.contains(name), () -> where + " has a <" + name + ">:\n" + html);
            if (name.equals("script")) {
                assertEquals("application/ld+json", element.getAttribute("type"), () -> where + ":\n" + html);
                assertFalse(element.hasAttribute("src"), () -> where + " loads a script:\n" + html);
                String data = element.getTextContent();
                assertFalse(data.contains("<"), () -> where + " has markup in its JSON-LD:\n" + data);
                assertTrue(SharingTest.isJson(data), () -> where + " has a JSON-LD block that is not JSON:\n" + data);
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String attribute = attributes.item(a).getLocalName().toLowerCase(Locale.ROOT);
                String value = attributes.item(a).getNodeValue().strip().toLowerCase(Locale.ROOT);
                assertFalse(
                        attribute.startsWith("on") || attribute.equals("style"),
                        () -> where + " has <" + name + " " + attribute + ">:\n" + html);
                assertFalse(value.startsWith("javascript:"), () -> where + " links to " + value + ":\n" + html);
            }
            if (name.equals("img")) {
                String src = element.getAttribute("src");
                assertTrue(
                        src.startsWith("https://") || src.startsWith("http://"),
                        () -> where + " has an image from " + src + ":\n" + html);
            }
        }
    }

    /** For what is never HTML (feeds' text, the API's bodyHtml after the allow-list): none of it at all. */
    private static void assertNoneOfIt(String where, String text) {
        for (String trace : List.of("<script", "alert(", "onerror", "javascript:", "<iframe", "onclick", "style=")) {
            assertTrue(!text.contains(trace), () -> where + " carries " + trace + ":\n" + text);
        }
    }

    private static String get(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void hostileMarkupInAnApprovedStoryAndEditionRendersNowhere() {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        UUID briefId = UUID.randomUUID();
        String section = "Hostile " + tag;
        StoryApproved story = new StoryApproved(
                storyId,
                UUID.randomUUID(),
                "Hostile body " + tag,
                "A plain summary.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org/ledger"),
                "chief@newsroom.local",
                Instant.now(),
                HOSTILE_TEXT,
                List.of(section),
                HOSTILE,
                HOSTILE_TEXT,
                "https://images.example.org/a.jpg",
                HOSTILE_TEXT,
                HOSTILE_TEXT,
                HOSTILE_TEXT,
                HOSTILE_TEXT,
                null);
        StoryApproved brief = Stories.approval(briefId, "Hostile brief " + tag, List.of(section), null);
        LocalDate date =
                LocalDate.of(2080, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        EditionApproved edition = new EditionApproved(
                UUID.randomUUID(),
                "Hostile Brief " + tag,
                date,
                new EditionLead(
                        storyId,
                        story.headline(),
                        HOSTILE_TEXT,
                        HOSTILE_TEXT,
                        story.attribution(),
                        HOSTILE_TEXT,
                        HOSTILE_TEXT,
                        HOSTILE_TEXT,
                        "https://images.example.org/a.jpg",
                        HOSTILE_TEXT,
                        HOSTILE_TEXT),
                List.of(new EditionBrief(
                        1,
                        briefId,
                        brief.headline(),
                        List.of(HOSTILE_TEXT, HOSTILE),
                        new Attribution("Wire Desk", "javascript:alert(7)"))),
                List.of(section),
                null,
                "chief@newsroom.local",
                Instant.now());
        String slug = "hostile-body-" + tag;
        PublicationPublished announced;
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            stories.send(storyId, story);
            stories.send(briefId, brief);
            stories.send(edition.editionId(), edition);
            announced = EventCodec.decode(
                    publications
                            .await(Stories.event(EventType.PUBLICATION_PUBLISHED, storyId), Stories.WAIT)
                            .value(),
                    PublicationPublished.class);
        }
        Stories.awaitApi(slug, 200);
        await().atMost(Stories.WAIT)
                .until(() -> given().get("/editions/" + date).statusCode() == 200);

        String page = get("/stories/" + slug);
        assertInert("the story page", page);
        assertTrue(
                page.contains("<p>Before the attack.</p>") && page.contains("After the attack."),
                "the allowed part of the body stays:\n" + page);
        assertTrue(page.contains("&lt;script&gt;alert(5)&lt;/script&gt;"), "text fields are shown, escaped");
        String editionPage = get("/editions/" + date);
        assertInert("the edition page", editionPage);
        assertTrue(editionPage.contains("&lt;img src=x onerror=alert(6)&gt;"), "text fields are shown, escaped");
        assertEquals(
                HOSTILE_TEXT,
                SharingTest.jsonLd(editionPage).get("description").asText(),
                "in the JSON-LD, hostile text is data too");
        String key = "hostile-" + tag;
        assertInert("the section page", get("/sections/" + key));
        assertInert("the home page", get("/"));
        assertInert("the archive day", get("/archive/" + date));

        for (String feed : List.of("/feeds/", "/feeds/sections/" + key + "/", "/feeds/editions/")) {
            for (String file : List.of("rss.xml", "atom.xml", "feed.json")) {
                assertNoneOfIt(feed + file, get(feed + file));
            }
        }
        String apiBody = given().when()
                .get("/api/publications/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("bodyHtml");
        assertNoneOfIt("the API's bodyHtml", apiBody);
        assertNoneOfIt("the published event's bodyHtml", announced.bodyHtml());
        assertEquals(apiBody, announced.bodyHtml());
    }

    /** A row stored before publish sanitized on intake (or written by anything else) is sanitized as it is shown. */
    @Test
    void storedUnsanitizedBodyIsSanitizedWhereItIsShown() {
        String tag = Stories.tag();
        String slug = "stored-hostile-" + tag;
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("""
                INSERT INTO publication (id, story_id, slug, headline, outlet, version, status, published_at,
                                         body_html)
                VALUES (?1, ?2, ?3, ?4, 'Wire Desk', 1, 'PUBLISHED', now(), ?5)""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, UUID.randomUUID())
                        .setParameter(3, slug)
                        .setParameter(4, "Stored hostile " + tag)
                        .setParameter(5, HOSTILE)
                        .executeUpdate());

        String page = get("/stories/" + slug);
        assertInert("the story page", page);
        given().when().get("/stories/" + slug).then().body(containsString("<p>Before the attack.</p>"));
        assertNoneOfIt(
                "the API's bodyHtml",
                given().when()
                        .get("/api/publications/" + slug)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("bodyHtml"));
    }
}
