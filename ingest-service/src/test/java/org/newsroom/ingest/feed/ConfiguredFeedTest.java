package org.newsroom.ingest.feed;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.ingest.Callers.ops;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsroom.ingest.domain.Item;

/**
 * NEWSROOM_FEED_URL keeps working (the local demo relies on it): the feed is registered as a source at startup and
 * polled; its host is trusted by the SSRF guard even though it resolves to loopback and is not allow-listed.
 */
@QuarkusTest
@QuarkusTestResource(value = ConfiguredFeedTest.DemoFeed.class, restrictToAnnotatedClass = true)
class ConfiguredFeedTest {

    public static class DemoFeed implements QuarkusTestResourceLifecycleManager {
        private FixtureServer server;

        @Override
        public Map<String, String> start() {
            server = new FixtureServer().file("/feed.xml", "rss2-basic.xml", "application/rss+xml");
            return Map.of(
                    "newsroom.ingest.feed.url",
                    "http://localhost:" + server.port() + "/feed.xml",
                    "newsroom.ingest.feed.source",
                    "configured-feed",
                    "newsroom.ingest.feed.interval",
                    "60s");
        }

        @Override
        public void stop() {
            server.close();
        }
    }

    @Test
    void theConfiguredFeedIsRegisteredAsASourceAndPolled() {
        List<Map<String, Object>> sources = ops().when()
                .get("/api/sources")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.name == 'configured-feed' }");
        assertEquals(1, sources.size());
        String id = (String) sources.get(0).get("id");
        JsonPath source = FeedFetchTest.source(id);
        assertEquals(60, source.getInt("pollIntervalSeconds"));
        assertEquals(true, source.getBoolean("enabled"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> ops().when()
                        .get("/api/sources/" + id + "/fetches")
                        .then()
                        .statusCode(200)
                        .body("size()", greaterThanOrEqualTo(1))
                        .body("[-1].status", equalTo("ok")));
        assertEquals(
                "Grain corridor reopens",
                Item.findBySourceAndExternalId("configured-feed", "RUN-1").orElseThrow().headline);
    }
}
