package org.newsroom.ingest.feed;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.ingest.Callers.editor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.events.Topics;
import org.newsroom.ingest.Announcements;
import org.newsroom.ingest.domain.Item;
import org.newsroom.problem.KeysetPages;
import org.newsroom.problem.PageCursor;
import org.newsroom.testing.TopicWatcher;

@QuarkusTest
class ItemVersionsTest {

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String feed(String grainBody, String ratesTracking) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel>
                    <title>The Harbor Ledger</title><link>https://example.org/</link><description>d</description>
                    <item>
                      <title>Grain corridor reopens</title><link>https://example.org/grain?utm_source=rss#top</link>
                      <guid>grain-1</guid><pubDate>Tue, 24 Nov 2026 07:30:00 GMT</pubDate>
                      <description>Ships resume sailing.</description>
                      <content:encoded><![CDATA[%s]]></content:encoded>
                    </item>
                    <item>
                      <title>Central bank holds rates</title><link>https://example.org/rates?%s</link>
                      <description>Policy unchanged.</description>
                    </item>
                  </channel>
                </rss>""".formatted(grainBody, ratesTracking);
    }

    @Test
    void unchangedItemsEmitNothingAndChangedOnesBecomeANewVersion() {
        AtomicReference<String> body = new AtomicReference<>(feed(
                "<p>Ships <b>resume</b> sailing.</p><script>alert('x')</script>"
                        + "<p><a href=\"javascript:alert(1)\" onclick=\"x()\">more</a></p>"
                        + "<img src=\"https://track.example/p.gif\" width=\"1\" height=\"1\">",
                "utm_source=a"));
        server.on(
                "/feed.xml",
                ex -> FixtureServer.send(
                        ex, 200, "application/rss+xml", body.get().getBytes(StandardCharsets.UTF_8)));
        String sourceId = FeedFetchTest.createSource(server.url("/feed.xml"), false, "");
        String name = FeedFetchTest.source(sourceId).getString("name");
        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            JsonPath first = FeedFetchTest.fetch(sourceId);
            assertEquals(2, first.getInt("itemsNew"));
            Item grain = Item.findBySourceAndExternalId(name, "grain-1").orElseThrow();
            String id = grain.id.toString();
            assertEquals("https://example.org/grain", grain.canonicalUrl);
            assertFalse(grain.bodyHtml.contains("script"), grain.bodyHtml);
            assertFalse(grain.bodyHtml.contains("javascript"), grain.bodyHtml);
            assertFalse(grain.bodyHtml.contains("onclick"), grain.bodyHtml);
            assertFalse(grain.bodyHtml.contains("track.example"), grain.bodyHtml);
            assertTrue(grain.bodyHtml.contains("<b>resume</b>"), grain.bodyHtml);
            assertEquals("Ships resume sailing.\n\nmore", grain.bodyText);
            ItemIngested ingested = EventCodec.decode(
                    items.await(r -> id.equals(r.key()), Duration.ofSeconds(20)).value(), ItemIngested.class);
            assertEquals(1, ingested.version());
            assertEquals(grain.bodyHtml, ingested.bodyHtml());

            // Same content, different tracking parameters on the guid-less item: nothing new.
            body.set(body.get().replace("utm_source=a", "utm_source=b&amp;fbclid=z"));
            JsonPath same = FeedFetchTest.fetch(sourceId);
            assertEquals(0, same.getInt("itemsNew"));
            assertEquals(0, same.getInt("itemsUpdated"));
            assertEquals(2, same.getInt("itemsUnchanged"));

            body.set(feed("<p>Ships resume sailing, escorted.</p>", "utm_source=b"));
            JsonPath changed = FeedFetchTest.fetch(sourceId);
            assertEquals(1, changed.getInt("itemsUpdated"));
            assertEquals(1, changed.getInt("itemsUnchanged"));
            List<String> announced = List.of("news.item.ingested.v1", "news.item.updated.v1");
            assertEquals(announced, Announcements.of(id));
            List<ConsumerRecord<String, String>> records =
                    items.awaitCount(r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
            assertEquals(
                    announced,
                    records.stream().map(r -> TopicWatcher.header(r, "ce_type")).toList());
            ItemUpdated updated = EventCodec.decode(records.get(1).value(), ItemUpdated.class);
            assertEquals(2, updated.version());
            assertEquals("<p>Ships resume sailing, escorted.</p>", updated.bodyHtml());
            assertEquals("The Harbor Ledger", updated.attribution().outlet());

            editor().when()
                    .get("/api/items/" + id)
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(2))
                    .body("canonicalUrl", equalTo("https://example.org/grain"))
                    .body("versions.version", equalTo(List.of(1, 2)))
                    .body("bodyText", equalTo("Ships resume sailing, escorted."));
            List<String> hashes =
                    editor().when().get("/api/items/" + id).then().extract().path("versions.contentHash");
            assertNotEquals(hashes.get(0), hashes.get(1));
        }
    }

    @Test
    void itemsArePagedByKeysetPerSource() {
        server.file("/feed.xml", "rss2-basic.xml", "application/rss+xml");
        String sourceId = FeedFetchTest.createSource(server.url("/feed.xml"), false, "");
        String name = FeedFetchTest.source(sourceId).getString("name");
        FeedFetchTest.fetch(sourceId);
        List<String> all = editor().queryParam("source", name)
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .header(KeysetPages.NEXT_CURSOR, nullValue())
                .extract()
                .path("id");
        assertEquals(2, all.size());

        ExtractableResponse<Response> page1 = editor().queryParam("source", name)
                .queryParam("limit", 1)
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .extract();
        String next = page1.header(KeysetPages.NEXT_CURSOR);
        assertNotNull(next, "a full page names the next");
        assertTrue(
                page1.header("Link").contains("after=" + next)
                        && page1.header("Link").endsWith("rel=\"next\""),
                page1.header("Link"));
        ExtractableResponse<Response> page2 = editor().queryParam("source", name)
                .queryParam("limit", 1)
                .queryParam("after", next)
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .extract();
        List<String> seen = new ArrayList<>(page1.path("id"));
        seen.addAll(page2.path("id"));
        assertEquals(all, seen, "two pages of one cover both items, in order, none twice");
        editor().queryParam("source", name)
                .queryParam("limit", 1)
                .queryParam("after", page2.header(KeysetPages.NEXT_CURSOR))
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .body("$", empty())
                .header(KeysetPages.NEXT_CURSOR, nullValue())
                .header("Link", nullValue());

        for (String bad : List.of(
                java.util.UUID.randomUUID().toString(),
                "not-a-cursor",
                new PageCursor("yesterday", java.util.UUID.randomUUID()).encode())) {
            editor().queryParam("after", bad)
                    .when()
                    .get("/api/items")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("after"));
        }
    }
}
