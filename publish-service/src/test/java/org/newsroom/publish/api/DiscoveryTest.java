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
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EventCodec;
import org.newsroom.publish.support.SamplePages;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.HtmlChecker;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * robots.txt names the sitemaps; the sitemaps list the public pages; the archive's and a long section's pages link to
 * each other.
 */
@QuarkusTest
class DiscoveryTest {
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    @Inject
    EntityManager entityManager;

    private static Document xml(String path) throws Exception {
        byte[] body = given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("application/xml"))
                .extract()
                .asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<String> texts(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void robotsNameBothSitemaps() {
        String robots = given().get("/robots.txt")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .extract()
                .asString();
        assertTrue(robots.contains("Sitemap: http://localhost:8083/sitemap.xml\n"), robots);
        assertTrue(robots.contains("Sitemap: http://localhost:8083/sitemap-news.xml\n"), robots);
    }

    @Test
    void theSitemapListsEveryPublicStoryAndEditionAndNotARetractedOne() throws Exception {
        SamplePages pages = SamplePages.published();
        Document sitemap = xml("/sitemap.xml");
        assertEquals("urlset", sitemap.getDocumentElement().getLocalName());
        assertEquals(SITEMAP, sitemap.getDocumentElement().getNamespaceURI());
        List<String> locations = texts(sitemap, SITEMAP, "loc");
        assertTrue(locations.contains("http://localhost:8083/stories/" + pages.story), locations::toString);
        assertTrue(locations.contains("http://localhost:8083/editions/" + pages.date), locations::toString);
        assertFalse(locations.contains("http://localhost:8083/stories/" + pages.killed));
        for (String modified : texts(sitemap, SITEMAP, "lastmod")) {
            Instant.parse(modified);
        }
    }

    @Test
    void theNewsSitemapListsTheLastTwoDaysWithTitleAndDate() throws Exception {
        SamplePages pages = SamplePages.published();
        Document news = xml("/sitemap-news.xml");
        NodeList urls = news.getElementsByTagNameNS(SITEMAP, "url");
        Element lead = null;
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent();
            if (loc.equals("http://localhost:8083/stories/" + pages.story)) {
                lead = url;
            }
            Instant published = Instant.parse(
                    url.getElementsByTagNameNS(NEWS, "publication_date").item(0).getTextContent());
            assertTrue(published.isAfter(Instant.now().minus(2, ChronoUnit.DAYS).minusSeconds(60)), loc);
        }
        assertTrue(lead != null, "the lead story, published just now");
        assertEquals(
                "newsroom", lead.getElementsByTagNameNS(NEWS, "name").item(0).getTextContent());
        assertEquals("en", lead.getElementsByTagNameNS(NEWS, "language").item(0).getTextContent());
        assertTrue(lead.getElementsByTagNameNS(NEWS, "title")
                .item(0)
                .getTextContent()
                .startsWith("Strait shipping insurers raise war-risk premiums"));
    }

    /** Old days, straight into the table: as many as two pages of the archive index need. */
    private void publishOldEditions(int days) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < days; i++) {
                LocalDate date = LocalDate.of(1900, 1, 1).plusDays(i);
                String slug = date.toString();
                if (!entityManager
                        .createNativeQuery("SELECT id FROM edition WHERE slug = ?1")
                        .setParameter(1, slug)
                        .getResultList()
                        .isEmpty()) {
                    continue;
                }
                UUID story = UUID.randomUUID();
                String snapshot = EventCodec.encode(new EditionApproved(
                        UUID.randomUUID(),
                        "Old Brief",
                        date,
                        new EditionLead(story, "Old lead", "Text.", null, new Attribution("Wire Desk", null), null),
                        List.of(),
                        List.of(),
                        null,
                        "chief@newsroom.local",
                        Instant.parse("1900-01-01T00:00:00Z")));
                entityManager
                        .createNativeQuery("INSERT INTO edition (id, slug, title, edition_date, snapshot, status,"
                                + " published_at, story_ids) VALUES (?1, ?2, 'Old Brief', ?3, ?4, 'PUBLISHED', ?5,"
                                + " ARRAY[CAST(?6 AS UUID)])")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, slug)
                        .setParameter(3, date)
                        .setParameter(4, snapshot)
                        .setParameter(5, Instant.parse("1900-01-01T00:00:00Z").plus(i, ChronoUnit.DAYS))
                        .setParameter(6, story.toString())
                        .executeUpdate();
            }
        });
    }

    @Test
    void theArchiveIndexIsPagedWithPrevAndNextLinks() {
        publishOldEditions(ArchivePage.DAYS_PER_PAGE + 1);
        String first = given().get("/archive").then().statusCode(200).extract().asString();
        assertTrue(first.contains("<link rel=\"next\" href=\"http://localhost:8083/archive?page=2\">"), first);
        assertFalse(first.contains("rel=\"prev\""), first);
        assertEquals(ArchivePage.DAYS_PER_PAGE, countDays(first));
        String second =
                given().get("/archive?page=2").then().statusCode(200).extract().asString();
        assertTrue(second.contains("<link rel=\"prev\" href=\"http://localhost:8083/archive\">"), second);
        assertTrue(second.contains("<link rel=\"canonical\" href=\"http://localhost:8083/archive?page=2\">"), second);
        String beyond = given().get("/archive?page=" + ArchivePage.MAX_PAGE)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(beyond.contains("rel=\"next\""), beyond);
        for (String bad : List.of("0", "-1", "two", String.valueOf(ArchivePage.MAX_PAGE + 1))) {
            given().get("/archive?page=" + bad)
                    .then()
                    .statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body(containsString("page"));
        }
    }

    @Test
    void aLongSectionIsPagedWithNextLinks() throws Exception {
        String tag = Stories.tag();
        String section = "Paged " + tag;
        String key = "paged-" + tag;
        try (Stories stories = new Stories()) {
            for (int i = 0; i <= SectionPage.SIZE; i++) {
                UUID id = UUID.randomUUID();
                stories.send(id, Stories.approval(id, "Paged story " + i + " " + tag, List.of(section), null));
            }
        }
        await().atMost(Stories.WAIT)
                .until(() -> given().get("/api/publications?section=" + key + "&limit=100")
                                .jsonPath()
                                .getList("slug")
                                .size()
                        == SectionPage.SIZE + 1);
        String first =
                given().get("/sections/" + key).then().statusCode(200).extract().asString();
        Matcher next = Pattern.compile("<link rel=\"next\" href=\"http://localhost:8083/sections/" + key
                        + "\\?after=([A-Za-z0-9_-]+)\">")
                .matcher(first);
        assertTrue(next.find(), first);
        assertEquals(
                SectionPage.SIZE,
                first.split("<h2><a href=\"http://localhost:8083/stories/paged-story-").length - 1,
                "a full first page");
        String second = given().get("/sections/" + key + "?after=" + next.group(1))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(second.contains("rel=\"next\""), "the last page: " + second);
        assertTrue(second.contains("<a href=\"http://localhost:8083/sections/" + key + "\">Newest stories</a>"));
        assertTrue(
                second.contains("<link rel=\"canonical\" href=\"http://localhost:8083/sections/" + key + "?after="
                        + next.group(1) + "\">"),
                second);
        given().get("/sections/" + key + "?after=not-a-cursor").then().statusCode(400);
        assertEquals(List.of(), HtmlChecker.errors(first), "a page with a next page is valid HTML");
        assertEquals(List.of(), HtmlChecker.errors(second), "and so is the last page");
    }

    private static int countDays(String html) {
        int count = 0;
        NodeList items = SharingTest.parse(html).getElementsByTagName("li");
        for (int i = 0; i < items.getLength(); i++) {
            Element li = (Element) items.item(i);
            if (((Element) li.getParentNode()).getAttribute("class").equals("days")) {
                count++;
            }
        }
        return count;
    }
}
