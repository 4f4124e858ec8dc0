package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.StoryApproved;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.support.Stories;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Story and edition pages describe themselves to search engines and to the apps they are shared in: canonical URL,
 * OpenGraph and Twitter card tags, and a schema.org NewsArticle in JSON-LD that no value can break out of.
 */
@QuarkusTest
class SharingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Document parse(String html) {
        try {
            return new HtmlDocumentBuilder().parse(new InputSource(new StringReader(html)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("does not parse:\n" + html, e);
        }
    }

    static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The page's one JSON-LD block, parsed. */
    static JsonNode jsonLd(String html) {
        NodeList scripts = parse(html).getElementsByTagName("script");
        assertEquals(1, scripts.getLength(), () -> "one JSON-LD block:\n" + html);
        try {
            return JSON.readTree(scripts.item(0).getTextContent());
        } catch (JsonProcessingException e) {
            throw new AssertionError(html, e);
        }
    }

    /** The content of {@code <meta property|name=…>}, or of {@code <link rel=…>}'s href; null if absent. */
    static String head(String html, String attribute, String name) {
        NodeList elements = parse(html).getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element e = (Element) elements.item(i);
            if (name.equals(e.getAttribute(attribute))) {
                return e.getLocalName().equals("link") ? e.getAttribute("href") : e.getAttribute("content");
            }
        }
        return null;
    }

    @Test
    void aStoryPageDescribesItselfAndNoHeadlineEndsItsJsonLd() {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        String headline = "Sharing </script><script>alert(1)</script> " + tag;
        try (Stories stories = new Stories()) {
            stories.send(storyId, Stories.approval(storyId, headline, List.of("Geopolitics"), null));
        }
        String slug = "sharing-script-script-alert-1-script-" + tag;
        String publishedAt = Stories.awaitApi(slug, 200).jsonPath().getString("publishedAt");
        String url = "http://localhost:8083/stories/" + slug;
        String html =
                given().get("/stories/" + slug).then().statusCode(200).extract().asString();

        assertEquals(url, head(html, "rel", "canonical"));
        assertEquals(headline, head(html, "property", "og:title"));
        assertEquals("article", head(html, "property", "og:type"));
        assertEquals(url, head(html, "property", "og:url"));
        assertEquals("https://images.example.org/summit.jpg", head(html, "property", "og:image"));
        assertEquals("Talks broke off late. Both sides blame the other.", head(html, "property", "og:description"));
        assertEquals("summary_large_image", head(html, "name", "twitter:card"));

        assertFalse(html.contains("</script><script>"), html);
        JsonNode article = jsonLd(html);
        assertEquals("NewsArticle", article.get("@type").asText());
        assertEquals(headline, article.get("headline").asText(), "the headline, intact, as data");
        assertEquals(url, article.get("url").asText());
        assertEquals(
                Instant.parse(publishedAt).truncatedTo(ChronoUnit.SECONDS),
                Instant.parse(article.get("datePublished").asText()));
        assertTrue(article.hasNonNull("dateModified"));
        assertEquals("A. Writer", article.get("author").get(0).get("name").asText());
        assertEquals("Person", article.get("author").get(0).get("@type").asText());
        assertEquals("newsroom", article.get("publisher").get("name").asText());
        assertEquals(
                "https://images.example.org/summit.jpg",
                article.get("image").get(0).asText());
        assertTrue(article.get("isAccessibleForFree").asBoolean());
    }

    @Test
    void anEditionPageDescribesItself() {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        StoryApproved story = Stories.approval(storyId, "Edition lead " + tag, List.of(), null);
        LocalDate date =
                LocalDate.of(2150, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        EditionApproved edition = new EditionApproved(
                UUID.randomUUID(),
                "The Evening Note",
                date,
                Stories.lead(story, "Why we lead with it."),
                List.of(new EditionBrief(
                        1, storyId, "A brief", List.of("One paragraph."), new Attribution("Wire Desk", null))),
                List.of("Evening " + tag),
                null,
                "chief@newsroom.local",
                Instant.now());
        try (Stories stories = new Stories()) {
            stories.send(storyId, story);
            stories.send(edition.editionId(), edition);
        }
        await().atMost(Stories.WAIT)
                .until(() -> given().get("/editions/" + date).statusCode() == 200);
        String html = given().get("/editions/" + date).then().extract().asString();
        String url = "http://localhost:8083/editions/" + date;

        assertEquals(url, head(html, "rel", "canonical"));
        assertEquals("The Evening Note: Edition lead " + tag, head(html, "property", "og:title"));
        assertEquals("Why we lead with it.", head(html, "property", "og:description"));
        JsonNode article = jsonLd(html);
        assertEquals("NewsArticle", article.get("@type").asText());
        assertEquals(
                "The Evening Note: Edition lead " + tag, article.get("headline").asText());
        assertEquals("Organization", article.get("author").get(0).get("@type").asText());
        assertTrue(article.hasNonNull("datePublished") && article.hasNonNull("dateModified"));
        assertEquals(
                "https://images.example.org/summit.jpg",
                article.get("image").get(0).asText());
        assertTrue(article.get("isAccessibleForFree").asBoolean());
        assertTrue(html.contains("<a href=\"http://localhost:8083/stories/edition-lead-" + tag + "\">"), html);
        assertTrue(html.contains("<p class=\"dateline\">GENEVA</p>"), "the lead's dateline, from its story:\n" + html);
        assertTrue(
                QuarkusTransaction.requiringNew()
                        .call(() -> Publication.busiestSections(10_000))
                        .contains("Evening " + tag),
                "an edition's sections are topics the subscribe box can offer, though no story is in them");
    }
}
