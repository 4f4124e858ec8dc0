package org.newsroom.ingest.feed;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.ingest.Callers.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.Topics;
import org.newsroom.ingest.Announcements;
import org.newsroom.ingest.domain.Item;
import org.newsroom.testing.TopicWatcher;

@QuarkusTest
class FeedFetchTest {

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static String createSource(String url, boolean enabled, String extra) {
        String name = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        return ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"url\":\"%s\",\"pollIntervalSeconds\":60,\"enabled\":%s%s}"
                        .formatted(name, url, enabled, extra))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static JsonPath fetch(String sourceId) {
        return ops().when()
                .post("/api/sources/" + sourceId + "/fetch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath source(String sourceId) {
        return ops().when()
                .get("/api/sources/" + sourceId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void fetchNowTakesEntriesInOnceAndLogsIt() {
        server.file("/feed.xml", "rss2-basic.xml", "application/rss+xml");
        String id = createSource(server.url("/feed.xml"), false, "");
        String name = source(id).getString("name");
        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            JsonPath first = fetch(id);
            assertEquals("ok", first.getString("status"));
            assertEquals(200, first.getInt("httpStatus"));
            assertEquals(2, first.getInt("itemsNew"));
            JsonPath second = fetch(id);
            assertEquals(0, second.getInt("itemsNew"));
            assertEquals(2, second.getInt("itemsUnchanged"));

            Item grain = Item.findBySourceAndExternalId(name, "RUN-1").orElseThrow();
            assertEquals("Grain corridor reopens", grain.headline);
            assertEquals("R. Keel", grain.byline);
            assertEquals("The Harbor Ledger", grain.outlet);
            assertEquals("2026-11-24T07:30:00Z", grain.publishedAt.toString());
            ItemIngested event = EventCodec.decode(
                    items.await(r -> grain.id.toString().equals(r.key()), Duration.ofSeconds(20))
                            .value(),
                    ItemIngested.class);
            assertEquals("Grain corridor reopens", event.headline());
            assertEquals(List.of("news.item.ingested.v1"), Announcements.of(grain.id.toString()));
        }
        ops().when()
                .get("/api/sources/" + id + "/fetches")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].itemsUnchanged", equalTo(2))
                .body("[1].itemsNew", equalTo(2));
        JsonPath health = source(id);
        assertEquals(0, health.getInt("health.consecutiveFailures"));
        assertTrue(health.getString("health.lastSuccessAt") != null);
    }

    @Test
    void conditionalGetAnswered304IsNothingToDoAndCacheHintsDelayTheNextCheck() {
        byte[] feed = FixtureServer.fixture("rss2-basic.xml");
        server.on("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().add("Cache-Control", "max-age=7200");
                FixtureServer.send(ex, 304, "application/rss+xml", new byte[0]);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Tue, 24 Nov 2026 08:00:00 GMT");
            FixtureServer.send(ex, 200, "application/rss+xml", feed);
        });
        String id = createSource(server.url("/feed.xml"), false, "");
        assertEquals("ok", fetch(id).getString("status"));
        Instant before = Instant.now();
        JsonPath notModified = fetch(id);
        assertEquals("not-modified", notModified.getString("status"));
        assertEquals(304, notModified.getInt("httpStatus"));
        assertEquals(0, notModified.getInt("itemsNew") + notModified.getInt("itemsUnchanged"));
        assertEquals("Tue, 24 Nov 2026 08:00:00 GMT", server.requests.get(1).getFirst("If-Modified-Since"));
        Instant next = Instant.parse(notModified.getString("nextFetchAt"));
        assertTrue(next.isAfter(before.plusSeconds(7100)), "max-age=7200 beats the 60 s interval: " + next);
    }

    @Test
    void failuresBackOffExponentiallyAndTheFeedRecoversByItself() {
        AtomicInteger calls = new AtomicInteger();
        byte[] feed = FixtureServer.fixture("rss2-basic.xml");
        server.on("/feed.xml", ex -> {
            if (calls.incrementAndGet() <= 3) {
                FixtureServer.send(ex, 500, "text/plain", "down".getBytes());
            } else {
                FixtureServer.send(ex, 200, "application/rss+xml", feed);
            }
        });
        String id = createSource(server.url("/feed.xml"), false, "");
        long previousWait = 0;
        for (int i = 1; i <= 3; i++) {
            Instant before = Instant.now();
            JsonPath failed = fetch(id);
            assertEquals("failed", failed.getString("status"));
            assertEquals("HTTP 500", failed.getString("error"));
            long wait = Duration.between(before, Instant.parse(failed.getString("nextFetchAt")))
                    .toSeconds();
            long full = 60L << (i - 1);
            assertTrue(
                    wait >= full / 2 - 1 && wait <= full + 1,
                    "backoff " + i + " within [" + full / 2 + ", " + full + "]: " + wait);
            assertTrue(i == 1 || wait >= previousWait / 2, "grows");
            previousWait = wait;
            assertEquals(i, source(id).getInt("health.consecutiveFailures"));
        }
        assertEquals("HTTP 500", source(id).getString("health.lastError"));
        assertEquals("ok", fetch(id).getString("status"));
        JsonPath healed = source(id);
        assertEquals(0, healed.getInt("health.consecutiveFailures"));
        assertEquals("HTTP 500", healed.getString("health.lastError"), "the last error stays visible");
    }

    @Test
    void retryAfterIsHonoured() {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "3600");
            FixtureServer.send(ex, 429, "text/plain", "slow down".getBytes());
        });
        String id = createSource(server.url("/feed.xml"), false, "");
        Instant before = Instant.now();
        JsonPath failed = fetch(id);
        assertEquals(429, failed.getInt("httpStatus"));
        assertTrue(Instant.parse(failed.getString("nextFetchAt")).isAfter(before.plusSeconds(3590)));
    }

    @Test
    void gzipIsDecodedAndAGzipBombHitsTheBodyCap() {
        byte[] feed = FixtureServer.fixture("rss2-basic.xml");
        server.on("/gz.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            FixtureServer.send(ex, 200, "application/rss+xml", FixtureServer.gzip(feed));
        });
        byte[] bomb = FixtureServer.gzip(new byte[16 * 1024 * 1024]);
        server.on("/bomb.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            FixtureServer.send(ex, 200, "application/rss+xml", bomb);
        });
        JsonPath ok = fetch(createSource(server.url("/gz.xml"), false, ""));
        assertEquals("ok", ok.getString("status"));
        assertEquals(2, ok.getInt("itemsNew"));
        assertTrue(server.requests.get(0).getFirst("Accept-Encoding").contains("gzip"));
        JsonPath tooLarge = fetch(createSource(server.url("/bomb.xml"), false, ""));
        assertEquals("failed", tooLarge.getString("status"));
        assertTrue(tooLarge.getString("error").contains("larger than"), tooLarge.getString("error"));
    }

    @Test
    void redirectsAreFollowedButBounded() {
        server.file("/feed.xml", "rss2-basic.xml", "application/rss+xml");
        server.on("/moved", ex -> {
            ex.getResponseHeaders().add("Location", server.url("/feed.xml"));
            FixtureServer.send(ex, 301, "text/plain", new byte[0]);
        });
        AtomicInteger hops = new AtomicInteger();
        server.on("/loop", ex -> {
            ex.getResponseHeaders().add("Location", server.url("/loop") + "?" + hops.incrementAndGet());
            FixtureServer.send(ex, 302, "text/plain", new byte[0]);
        });
        assertEquals("ok", fetch(createSource(server.url("/moved"), false, "")).getString("status"));
        JsonPath loop = fetch(createSource(server.url("/loop"), false, ""));
        assertEquals("failed", loop.getString("status"));
        assertTrue(hops.get() <= 6, "bounded redirects: " + hops.get());
    }

    @Test
    void privateAndLoopbackAddressesAreRefusedUnlessAllowListed() {
        server.file("/feed.xml", "rss2-basic.xml", "application/rss+xml");
        // 127.0.0.1 is allow-listed for the tests; "localhost" resolves to loopback too but is not, nor are the IPv6
        // forms of loopback, nor a metadata address (never, allow-listed or not). The fetch log, which other users
        // read, says why without naming the address.
        for (String url : List.of(
                "http://localhost:" + server.port() + "/feed.xml",
                "http://[::1]:" + server.port() + "/feed.xml",
                "http://[::ffff:7f00:1]:" + server.port() + "/feed.xml",
                "http://[64:ff9b::7f00:1]:" + server.port() + "/feed.xml",
                "http://169.254.169.254/latest/meta-data/",
                "http://[fd00:ec2::254]/latest/meta-data/")) {
            JsonPath refused = fetch(createSource(url, false, ""));
            assertEquals("failed", refused.getString("status"), url);
            assertEquals("refused: internal address", refused.getString("error"), url);
            assertEquals(
                    "refused: internal address",
                    source(refused.getString("sourceId")).getString("health.lastError"));
        }
        assertEquals(0, server.requests.size(), "no request reached the server");
        // A redirect from an allowed host to a refused one is refused as well.
        server.on("/to-localhost", ex -> {
            ex.getResponseHeaders().add("Location", "http://localhost:" + server.port() + "/feed.xml");
            FixtureServer.send(ex, 302, "text/plain", new byte[0]);
        });
        JsonPath redirected = fetch(createSource(server.url("/to-localhost"), false, ""));
        assertEquals("failed", redirected.getString("status"));
        assertEquals("refused: internal address", redirected.getString("error"));
        assertEquals(1, server.requests.size(), "only the redirect reached the server");
    }

    @Test
    void xxeAndBillionLaughsAreRefused() {
        server.file("/xxe.xml", "xxe.xml", "application/rss+xml");
        server.file("/lol.xml", "billion-laughs.xml", "application/rss+xml");
        for (String path : new String[] {"/xxe.xml", "/lol.xml"}) {
            JsonPath result = fetch(createSource(server.url(path), false, ""));
            assertEquals("failed", result.getString("status"), path);
            assertEquals(0, result.getInt("itemsNew"), path);
        }
        assertTrue(Item.find("headline like ?1 or headline like ?2", "%root:%", "%lollol%")
                .list()
                .isEmpty());
    }

    @Test
    void enabledSourcesArePolledOnTheirSchedule() {
        server.file("/feed.xml", "rss2-basic.xml", "application/rss+xml");
        String id = createSource(server.url("/feed.xml"), true, "");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> ops().when()
                        .get("/api/sources/" + id + "/fetches")
                        .then()
                        .statusCode(200)
                        .body("size()", greaterThanOrEqualTo(1))
                        .body("[0].status", equalTo("ok")));
        JsonPath s = source(id);
        assertTrue(Instant.parse(s.getString("health.nextFetchAt"))
                .isAfter(Instant.now().plusSeconds(30)));
    }

    @Test
    void notAFeedIsAFailureWithAReadableError() {
        server.on(
                "/page.html",
                ex -> FixtureServer.send(
                        ex, 200, "text/html", "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8)));
        JsonPath result = fetch(createSource(server.url("/page.html"), false, ""));
        assertEquals("failed", result.getString("status"));
        ops().when()
                .get("/api/sources/" + result.getString("sourceId"))
                .then()
                .body("health.lastError", notNullValue())
                .body("health.lastError", containsString("feed"));
    }

    @Test
    void contentHashIdentityCopesWithUnstableGuidsAndLinks() {
        AtomicInteger n = new AtomicInteger();
        server.on("/unstable.xml", ex -> {
            int i = n.incrementAndGet();
            String feed = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Unstable</title><link>https://unstable.example/</link><description>d</description>
                    <item><title>Same story</title><link>https://unstable.example/s?session=%1$d</link><guid>g-%1$d</guid>
                    <description>Same text.</description></item></channel></rss>""".formatted(i);
            FixtureServer.send(ex, 200, "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8));
        });
        String byHash = createSource(server.url("/unstable.xml"), false, ",\"identity\":\"hash\"");
        assertEquals(1, fetch(byHash).getInt("itemsNew"));
        JsonPath again = fetch(byHash);
        assertEquals(0, again.getInt("itemsNew"));
        assertEquals(1, again.getInt("itemsUnchanged"));
        String byGuid = createSource(server.url("/unstable.xml"), false, "");
        fetch(byGuid);
        assertEquals(1, fetch(byGuid).getInt("itemsNew"), "with guid identity an unstable guid looks new");
    }

    @Test
    void anEntryTooLargeToAnnounceIsSkippedWithItsReasonAndTheOthersTakenIn() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Long reads</title><link>https://long.example/</link><description>d</description>
                <item><title>Whole book</title><link>https://long.example/book</link><guid>book</guid>
                <description><![CDATA[<p>%s</p>]]></description></item>
                <item><title>Short piece</title><link>https://long.example/short</link><guid>short</guid>
                <description>Short text.</description></item></channel></rss>""".formatted("Chapter. ".repeat(70_000));
        server.on(
                "/long.xml",
                ex -> FixtureServer.send(ex, 200, "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8)));
        String id = createSource(server.url("/long.xml"), false, "");
        JsonPath result = fetch(id);
        assertEquals("ok", result.getString("status"));
        assertEquals(1, result.getInt("itemsNew"));
        assertEquals(1, result.getInt("itemsSkipped"));
        assertTrue(
                result.getString("skipReason").startsWith("https://long.example/book: bodyHtml is larger than"),
                result.getString("skipReason"));
        String name = source(id).getString("name");
        assertTrue(Item.findBySourceAndExternalId(name, "book").isEmpty());
        assertTrue(Item.findBySourceAndExternalId(name, "short").isPresent());
    }

    @Test
    void aHeadlineOfMarkupOnlyGivesWayToTheFirstSentenceAndOnlyAnEntryWithNoTextIsSkipped() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Sloppy</title><link>https://sloppy.example/</link><description>d</description>
                <item><title><![CDATA[<b> </b>]]></title><link>https://sloppy.example/blank</link><guid>blank</guid>
                <description>Text under a headline of markup only.</description></item>
                <item><title><![CDATA[<i></i>]]></title><link>https://sloppy.example/empty</link><guid>empty</guid></item>
                <item><title>Good piece</title><link>https://sloppy.example/good</link><guid>good</guid>
                <description>Good text.</description></item></channel></rss>""";
        server.on(
                "/sloppy.xml",
                ex -> FixtureServer.send(ex, 200, "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8)));
        String id = createSource(server.url("/sloppy.xml"), false, "");
        JsonPath result = fetch(id);
        assertEquals("ok", result.getString("status"));
        assertEquals(2, result.getInt("itemsNew"));
        assertEquals(1, result.getInt("itemsSkipped"));
        assertEquals(
                "https://sloppy.example/empty: entry without a title or any text to take a headline from",
                result.getString("skipReason"));
        String name = source(id).getString("name");
        assertEquals(
                "Text under a headline of markup only.",
                Item.findBySourceAndExternalId(name, "blank").orElseThrow().headline);
        assertTrue(Item.findBySourceAndExternalId(name, "empty").isEmpty());
        assertTrue(Item.findBySourceAndExternalId(name, "good").isPresent());
    }
}
