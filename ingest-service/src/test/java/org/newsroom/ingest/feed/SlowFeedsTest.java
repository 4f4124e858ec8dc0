package org.newsroom.ingest.feed;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.ingest.Callers.ops;

import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A feed server that drips a byte at a time never trips a read timeout; the fetch deadline (5 s in tests) ends it,
 * and meanwhile the other feeds are polled. A drip lasts 30 s unless the test ends first.
 */
@QuarkusTest
class SlowFeedsTest {
    private static final int DRIP_BYTES = 60;
    private static final long DRIP_EVERY_MS = 500;

    private final FixtureServer server = new FixtureServer();
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final CountDownLatch dripping = new CountDownLatch(1);

    @AfterEach
    void stop() {
        testOver.countDown();
        server.close();
    }

    private void drip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        dripping.countDown();
        OutputStream body = exchange.getResponseBody();
        for (int i = 0; i < DRIP_BYTES && !paused(DRIP_EVERY_MS); i++) {
            body.write(' ');
            body.flush();
        }
    }

    private void stall(HttpExchange exchange) {
        dripping.countDown();
        paused(DRIP_BYTES * DRIP_EVERY_MS);
    }

    /** Waits, and says whether the test is over. */
    private boolean paused(long millis) {
        try {
            return testOver.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void assertAbortedAtTheDeadline(JsonPath fetch) {
        assertEquals("failed", fetch.getString("status"));
        assertTrue(fetch.getString("error").contains("deadline"), fetch.getString("error"));
        assertTrue(
                fetch.getLong("durationMs") < 10_000,
                "aborted long before the drip ends: " + fetch.getLong("durationMs"));
    }

    @Test
    void aFeedDrippingItsBodyIsAbortedAtTheDeadline() {
        server.on("/drip.xml", this::drip);
        assertAbortedAtTheDeadline(FeedFetchTest.fetch(FeedFetchTest.createSource(server.url("/drip.xml"), false, "")));
    }

    @Test
    void aServerThatNeverAnswersIsAbortedAtTheDeadline() {
        server.on("/stall.xml", this::stall);
        assertAbortedAtTheDeadline(
                FeedFetchTest.fetch(FeedFetchTest.createSource(server.url("/stall.xml"), false, "")));
    }

    @Test
    void whileOneFeedDripsTheOthersArePolledAndTakenIn() throws InterruptedException {
        server.on("/drip.xml", this::drip);
        server.file("/feed.xml", "rss2-basic.xml", "application/rss+xml");
        String slow = FeedFetchTest.createSource(server.url("/drip.xml"), true, "");
        assertTrue(dripping.await(20, TimeUnit.SECONDS), "the slow feed is polled");
        String other = FeedFetchTest.createSource(server.url("/feed.xml"), true, "");
        try {
            JsonPath otherFetch = lastFetch(other, "ok");
            assertEquals(2, otherFetch.getInt("itemsNew"), "its items are taken in");
            JsonPath slowFetch = lastFetch(slow, "failed");
            assertAbortedAtTheDeadline(slowFetch);
            Instant slowEnded =
                    Instant.parse(slowFetch.getString("startedAt")).plusMillis(slowFetch.getLong("durationMs"));
            assertTrue(
                    Instant.parse(otherFetch.getString("startedAt")).isBefore(slowEnded),
                    "the other feed was fetched while the slow one dripped");
        } finally {
            ops().delete("/api/sources/" + slow).then().statusCode(204);
            ops().delete("/api/sources/" + other).then().statusCode(204);
        }
    }

    private static JsonPath lastFetch(String sourceId, String status) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> ops().when()
                        .get("/api/sources/" + sourceId + "/fetches")
                        .then()
                        .statusCode(200)
                        .body("size()", greaterThanOrEqualTo(1))
                        .body("[0].status", equalTo(status)));
        return ops().when()
                .get("/api/sources/" + sourceId + "/fetches")
                .then()
                .extract()
                .jsonPath()
                .setRootPath("[0]");
    }
}
