package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.problem.KeysetPages;
import org.newsroom.publish.support.Stories;

/** Section pages and feeds, the archive, the editions feed and the API's section, since and keyset filters. */
@QuarkusTest
class SectionsAndArchiveTest {
    private static final String TAG = Stories.tag();
    /** A section of this run only, so its page and feeds list exactly our stories. */
    private static final String SECTION = "Polar Affairs " + TAG;

    private static final String KEY = "polar-affairs-" + TAG;
    private static final UUID EDITION = UUID.randomUUID();
    private static String first;
    private static String second;
    private static String publicationId;
    private static Instant before;

    @BeforeEach
    void publishOnce() {
        if (first != null) {
            return;
        }
        before = Instant.now();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        LocalDate date =
                LocalDate.of(2070, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        try (Stories stories = new Stories()) {
            stories.send(a, Stories.approval(a, "Ice shelf " + TAG, List.of(SECTION, "Science"), null));
            Stories.awaitApi("ice-shelf-" + TAG, 200);
            stories.send(b, Stories.approval(b, "Arctic route " + TAG, List.of(SECTION), null));
            stories.send(
                    EDITION,
                    new EditionApproved(
                            EDITION,
                            "Polar Brief " + TAG,
                            date,
                            new EditionLead(a, "Ice shelf", "Text.", null, new Attribution("Wire Desk", null), null),
                            List.of(new EditionBrief(
                                    1, b, "Arctic route", List.of("Ships."), new Attribution("Wire", null))),
                            List.of(SECTION),
                            null,
                            "chief@newsroom.local",
                            Instant.now()));
        }
        first = "ice-shelf-" + TAG;
        second = "arctic-route-" + TAG;
        publicationId = Stories.awaitApi(first, 200).jsonPath().getString("id");
        Stories.awaitApi(second, 200);
        await().atMost(Stories.WAIT)
                .until(() ->
                        given().get("/api/editions").jsonPath().getList("id").contains(EDITION.toString()));
    }

    private static SyndFeed parse(String path, String contentType) throws Exception {
        byte[] body = given().when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith(contentType))
                .extract()
                .asByteArray();
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    }

    @Test
    void sectionPageListsItsStoriesNewestFirst() {
        String html = given().when()
                .get("/sections/" + KEY)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body(containsString("<h1>" + SECTION + "</h1>"))
                .body(containsString("href=\"/feeds/sections/" + KEY + "/atom.xml\""))
                .extract()
                .asString();
        assertTrue(html.indexOf("/stories/" + second) < html.indexOf("/stories/" + first), "newest first");
        given().when().get("/sections/no-such-section-" + TAG).then().statusCode(404);
    }

    @Test
    void sectionFeedsParseWithAbsoluteUrlsDatesAndStableGuids() throws Exception {
        for (String[] format :
                new String[][] {{"rss.xml", "application/rss+xml"}, {"atom.xml", "application/atom+xml"}}) {
            SyndFeed feed = parse("/feeds/sections/" + KEY + "/" + format[0], format[1]);
            assertEquals(
                    List.of("Arctic route " + TAG, "Ice shelf " + TAG),
                    feed.getEntries().stream().map(SyndEntry::getTitle).toList(),
                    format[0]);
            SyndEntry entry = feed.getEntries().get(1);
            assertEquals("urn:uuid:" + publicationId, entry.getUri());
            assertEquals("http://localhost:8083/stories/" + first, entry.getLink());
            Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            assertTrue(
                    !published.toInstant().isBefore(before.minusSeconds(1))
                            && !published.toInstant().isAfter(Instant.now()),
                    format[0] + " dated when published");
        }
        JsonNode json = new ObjectMapper()
                .readTree(given().when()
                        .get("/feeds/sections/" + KEY + "/feed.json")
                        .then()
                        .statusCode(200)
                        .contentType("application/feed+json")
                        .extract()
                        .asByteArray());
        assertEquals(
                "http://localhost:8083/feeds/sections/" + KEY + "/feed.json",
                json.get("feed_url").asText());
        assertEquals(2, json.get("items").size());
        assertEquals(
                "urn:uuid:" + publicationId, json.get("items").get(1).get("id").asText());
        Instant.parse(json.get("items").get(1).get("date_published").asText());
        given().when()
                .get("/feeds/sections/no-such-section-" + TAG + "/rss.xml")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void editionsFeedListsPublishedEditions() throws Exception {
        SyndFeed feed = parse("/feeds/editions/atom.xml", "application/atom+xml");
        SyndEntry entry = feed.getEntries().stream()
                .filter(e -> e.getUri().equals("urn:uuid:" + EDITION))
                .findFirst()
                .orElseThrow();
        assertTrue(entry.getLink().startsWith("http://localhost:8083/editions/"), entry.getLink());
        assertNotNull(entry.getUpdatedDate());
        parse("/feeds/editions/rss.xml", "application/rss+xml");
        given().when()
                .get("/feeds/editions/feed.json")
                .then()
                .statusCode(200)
                .body("items.id", hasItem("urn:uuid:" + EDITION));
    }

    @Test
    void archiveIndexLinksTodayAndTheDayListsItsStories() {
        String today = Instant.now().toString().substring(0, 10);
        given().when()
                .get("/archive")
                .then()
                .statusCode(200)
                .body(containsString("href=\"http://localhost:8083/archive/" + today + "\""));
        given().when()
                .get("/archive/" + today)
                .then()
                .statusCode(200)
                .body(containsString("/stories/" + first))
                .body(containsString("/stories/" + second));
        given().when().get("/archive/2001-01-01").then().statusCode(200).body(not(containsString("/stories/")));
        given().when().get("/archive/yesterday").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void apiFiltersBySectionAndSinceAndPagesByCursor() {
        given().when()
                .get("/api/publications?section=" + SECTION)
                .then()
                .statusCode(200)
                .body("slug", equalTo(List.of(second, first)));
        given().when()
                .get("/api/publications?section=" + KEY + "&since=2999-01-01")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().when()
                .get("/api/publications?section=" + KEY + "&since=" + before)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2));

        var page1 = given().when()
                .get("/api/publications?section=" + KEY + "&limit=1")
                .then()
                .statusCode(200)
                .body("slug", equalTo(List.of(second)))
                .extract();
        String cursor = page1.header(KeysetPages.NEXT_CURSOR);
        assertNotNull(cursor);
        String link = page1.header("Link");
        assertTrue(link != null && link.endsWith(">; rel=\"next\"") && link.contains("after=" + cursor), link);
        given().when()
                .get(link.substring(1, link.indexOf('>')))
                .then()
                .statusCode(200)
                .body("slug", equalTo(List.of(first)));
        var page2 = given().when()
                .get("/api/publications?section=" + KEY + "&limit=1&after=" + cursor)
                .then()
                .statusCode(200)
                .body("slug", equalTo(List.of(first)))
                .extract();
        String last = page2.header(KeysetPages.NEXT_CURSOR);
        given().when()
                .get("/api/publications?section=" + KEY + "&limit=1&after=" + last)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0))
                .header(KeysetPages.NEXT_CURSOR, (String) null)
                .header("Link", (String) null);

        given().when()
                .get("/api/publications?since=last-week")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("since"));
        given().when()
                .get("/api/publications?after=%21%21")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void sectionPagesAndFeedsAnswerConditionalRequestsWith304() {
        for (String path :
                List.of("/sections/" + KEY, "/feeds/sections/" + KEY + "/rss.xml", "/feeds/editions/feed.json")) {
            String etag =
                    given().when().get(path).then().statusCode(200).extract().header("ETag");
            assertNotNull(etag, path);
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304);
        }
    }
}
