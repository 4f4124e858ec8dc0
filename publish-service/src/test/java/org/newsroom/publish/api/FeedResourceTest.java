package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;

/** The feeds, parsed as feed readers parse them, and their HTTP caching. */
@QuarkusTest
class FeedResourceTest {
    private static final String HEADLINE = "Feed check " + UUID.randomUUID();
    private static String slug;
    private static String publicationId;

    /** Once per class, but in a test instance: REST Assured points at the app only from then on. */
    @BeforeEach
    void publishOnce() {
        if (slug != null) {
            return;
        }
        StoryApproved approval = new StoryApproved(
                UUID.randomUUID(),
                UUID.randomUUID(),
                HEADLINE,
                "First paragraph.\n\nSecond paragraph.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org/ledger"),
                "chief@newsroom.local",
                Instant.now());
        try (CloudEventRecords records = new CloudEventRecords()) {
            records.send(
                    Topics.EDITORIAL,
                    approval.storyId().toString(),
                    EventType.STORY_APPROVED.type(),
                    EventCodec.encode(approval));
        }
        String path = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> given().when()
                                .get("/api/publications?limit=200")
                                .then()
                                .extract()
                                .jsonPath()
                                .<String>get("find { it.headline == '" + HEADLINE + "' }.slug"),
                        found -> found != null);
        slug = path;
        publicationId =
                given().when().get("/api/publications/" + slug).then().extract().path("id");
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

    private static SyndEntry ours(SyndFeed feed) {
        return feed.getEntries().stream()
                .filter(e -> HEADLINE.equals(e.getTitle()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void rssAndAtomParseWithStableGuidsAbsoluteLinksAndDates() throws Exception {
        for (String[] feed : new String[][] {
            {"/feeds/rss.xml", "application/rss+xml", "rss_2.0"},
            {"/feeds/atom.xml", "application/atom+xml", "atom_1.0"}
        }) {
            SyndFeed parsed = parse(feed[0], feed[1]);
            assertEquals(feed[2], parsed.getFeedType());
            SyndEntry entry = ours(parsed);
            assertEquals("urn:uuid:" + publicationId, entry.getUri(), feed[0] + ": guid is the publication id");
            assertEquals("http://localhost:8083/stories/" + slug, entry.getLink(), feed[0] + ": absolute link");
            assertNotNull(entry.getPublishedDate(), feed[0] + ": dated");
            assertTrue(entry.getDescription().getValue().contains("Second paragraph."), feed[0]);
        }
    }

    @Test
    void jsonFeedFollowsVersion11() throws Exception {
        JsonNode feed = new ObjectMapper()
                .readTree(given().when()
                        .get("/feeds/feed.json")
                        .then()
                        .statusCode(200)
                        .contentType("application/feed+json")
                        .extract()
                        .asByteArray());
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        JsonNode item = null;
        for (JsonNode candidate : feed.get("items")) {
            if (HEADLINE.equals(candidate.get("title").asText())) {
                item = candidate;
            }
        }
        assertNotNull(item);
        assertEquals("urn:uuid:" + publicationId, item.get("id").asText());
        assertEquals("http://localhost:8083/stories/" + slug, item.get("url").asText());
        assertEquals("A. Writer", item.get("authors").get(0).get("name").asText());
        Instant.parse(item.get("date_published").asText());
    }

    @Test
    void homePageListsTheStoryAndAdvertisesTheFeeds() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("href=\"http://localhost:8083/stories/" + slug + "\""))
                .body(containsString(HEADLINE))
                .body(containsString("type=\"application/atom+xml\""));
    }

    @Test
    void feedsAndPagesAnswerConditionalRequestsWith304() {
        for (String path :
                new String[] {"/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/stories/" + slug, "/"}) {
            var first = given().when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", containsString("max-age"))
                    .header("Last-Modified", notNullValue())
                    .extract();
            String etag = first.header("ETag");
            assertNotNull(etag, path);
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304);
            given().header("If-None-Match", "\"something-else\"")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200);
        }
    }
}
