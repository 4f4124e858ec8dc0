package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.Sections;
import org.newsroom.publish.support.SamplePages;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every page type is a page of the theme: one heading 1 inside the layout's main, the subscribe box posting to
 * notify with the site's sections as topics, and nothing loaded from anywhere but this site.
 */
@QuarkusTest
class ReadersPagesTest {
    /** Links a browser follows only when the reader does (or never): they may point anywhere. */
    private static final Set<String> NAVIGATION = Set.of("alternate", "canonical", "prev", "next");

    private static List<Element> elements(Document page, String name) {
        NodeList nodes = page.getElementsByTagName(name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static String label(Document page, String id) {
        return elements(page, "label").stream()
                .filter(l -> id.equals(l.getAttribute("for")))
                .map(l -> l.getTextContent().strip())
                .findFirst()
                .orElse(null);
    }

    @Test
    void everyPageTypeHasOneHeadingInTheLayoutAndTheSubscribeBox() {
        SamplePages pages = SamplePages.published();
        pages.everyPageType().forEach((path, status) -> {
            String html = given().get(path).then().statusCode(status).extract().asString();
            Document page = SharingTest.parse(html);
            assertEquals(1, elements(page, "h1").size(), () -> path + ": one h1\n" + html);
            List<Element> main = elements(page, "main");
            assertEquals(1, main.size(), path);
            assertEquals("content", main.get(0).getAttribute("id"), path);

            Element box = page.getElementById("subscribe");
            assertNotNull(box, () -> path + ": the subscribe box\n" + html);
            assertEquals("section", box.getLocalName());
            assertEquals(
                    "Get the newsletter", box.getElementsByTagName("h2").item(0).getTextContent());
            Element form = (Element) box.getElementsByTagName("form").item(0);
            assertEquals("post", form.getAttribute("method"), path);
            assertEquals("http://localhost:8084/subscribe", form.getAttribute("action"), path);
            assertEquals("Email address", label(page, "subscribe-email"), path);
            Element email = page.getElementById("subscribe-email");
            assertEquals("email", email.getAttribute("name"));
            assertEquals("email", email.getAttribute("type"));
            assertEquals(
                    "Subscribe",
                    box.getElementsByTagName("button").item(0).getTextContent().strip(),
                    path);
        });
    }

    @Test
    void theSubscribeBoxOffersTheBusiestSectionsAsTopics() {
        SamplePages pages = SamplePages.published();
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> busiest =
                    QuarkusTransaction.requiringNew().call(() -> Publication.busiestSections(SubscribeTopics.TOPICS));
            Document page = SharingTest.parse(given().get("/stories/" + pages.story)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            Element box = page.getElementById("subscribe");
            List<String> offered = new ArrayList<>();
            List<String> names = new ArrayList<>();
            NodeList inputs = box.getElementsByTagName("input");
            for (int i = 0; i < inputs.getLength(); i++) {
                Element input = (Element) inputs.item(i);
                if (input.getAttribute("type").equals("checkbox")) {
                    assertEquals("topics", input.getAttribute("name"));
                    offered.add(input.getAttribute("value"));
                    names.add(((Element) input.getParentNode()).getTextContent().strip());
                }
            }
            assertFalse(busiest.isEmpty());
            assertEquals(
                    busiest.stream().map(Sections::key).sorted().toList(),
                    offered.stream().sorted().toList());
            assertEquals(busiest.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
        });
    }

    @Test
    void noPageLoadsAnythingFromElsewhere() {
        SamplePages pages = SamplePages.published();
        pages.everyPageType().forEach((path, status) -> {
            String html = given().get(path).then().statusCode(status).extract().asString();
            Document page = SharingTest.parse(html);
            for (Element link : elements(page, "link")) {
                String rel = link.getAttribute("rel").toLowerCase(Locale.ROOT);
                String href = link.getAttribute("href");
                assertTrue(
                        NAVIGATION.contains(rel) || (href.startsWith("/") && !href.startsWith("//")),
                        () -> path + " loads <link rel=" + rel + " href=" + href + ">");
            }
            for (Element script : elements(page, "script")) {
                assertFalse(script.hasAttribute("src"), () -> path + " loads a script");
            }
            for (String embedded : List.of("iframe", "object", "embed", "video", "audio", "source", "style")) {
                assertEquals(List.of(), elements(page, embedded), () -> path + " has <" + embedded + ">");
            }
            for (Element image : elements(page, "img")) {
                Element figure = (Element) image.getParentNode();
                assertTrue(
                        figure.getLocalName().equals("figure")
                                && figure.getAttribute("class").equals("image"),
                        () -> path + ": an image that is not a story's: " + image.getAttribute("src"));
                assertEquals("1200", image.getAttribute("width"), "a size, so that nothing moves when it loads");
                assertEquals("800", image.getAttribute("height"));
            }
        });
        String css = given().get(stylesheet()).then().statusCode(200).extract().asString();
        assertFalse(css.contains("@import") || css.contains("url("), "the stylesheet loads nothing (no web fonts)");
    }

    static String stylesheet() {
        Document home = SharingTest.parse(given().get("/").then().extract().asString());
        return elements(home, "link").stream()
                .filter(l -> l.getAttribute("rel").equals("stylesheet"))
                .map(l -> l.getAttribute("href"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theEditionCarriesItsLeadAndTakesAndTheFeedbackFormsForItsLead() {
        SamplePages pages = SamplePages.published();
        String html = given().get("/editions/" + pages.date)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Document page = SharingTest.parse(html);
        assertEquals(
                1,
                elements(page, "ol").stream()
                        .filter(ol -> ol.getAttribute("class").equals("takes"))
                        .count());
        Element takes = elements(page, "ol").stream()
                .filter(ol -> ol.getAttribute("class").equals("takes"))
                .findFirst()
                .orElseThrow();
        assertEquals(3, takes.getElementsByTagName("h3").getLength(), html);
        assertTrue(html.contains("<span class=\"source\">— <a href=\"https://example.org/outlets/"), html);
        assertTrue(html.contains("<p class=\"dateline\">LONDON</p>"), html);
        assertTrue(html.contains("<h3 id=\"lead-note-heading\">Editor's note</h3>"), html);
        assertTrue(html.contains("<h3 id=\"lead-author\">About the author</h3>"), html);
        assertTrue(html.contains("<span class=\"credit\">Photo: R. Sailor</span>"), html);
        assertTrue(html.contains("<small>© 2026 The Harbor Ledger. All rights reserved.</small>"), html);

        String leadId = publicationId(pages.story);
        String back = "http://localhost:8083/editions/" + pages.date + "#feedback";
        assertTrue(
                html.contains("<form method=\"post\" action=\"https://editorial.example.org/api/feedback/grades\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"publicationId\" value=\"" + leadId + "\">"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"returnTo\" value=\"" + back + "\">"), html);
        assertEquals("5 – excellent", label(page, "grade-5"));
        assertEquals("Your letter", label(page, "letter-text"));
        assertEquals("5000", page.getElementById("letter-text").getAttribute("maxlength"));
    }

    private static String publicationId(String slug) {
        return given().get("/api/publications/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }
}
