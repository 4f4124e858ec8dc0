package org.newsroom.ingest.domain;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.newsroom.ingest.Callers.editor;
import static org.newsroom.ingest.Callers.ops;
import static org.newsroom.ingest.Callers.partnerKey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.events.Topics;
import org.newsroom.ingest.feed.FixtureServer;
import org.newsroom.testing.TopicWatcher;

/**
 * One wire pushes its reports (ninjs), another publishes its own reports of the same events in its feed, next to
 * reports of other events on the same topics: the pairs share a cluster on the events, the others stay alone.
 */
@QuarkusTest
class StoryClustersTest {
    private static final List<WireStories.Story> PUSHED =
            List.of(WireStories.FED_WIRE_A, WireStories.QUAKE_WIRE_A, WireStories.DEAL_WIRE_A, WireStories.VOTE_WIRE_A);
    private static final List<WireStories.Story> SAME_EVENTS =
            List.of(WireStories.FED_WIRE_B, WireStories.QUAKE_WIRE_B, WireStories.DEAL_WIRE_B, WireStories.VOTE_WIRE_B);
    private static final List<WireStories.Story> OTHER_EVENTS =
            List.of(WireStories.ECB_WIRE, WireStories.QUAKE_PERU, WireStories.DEAL_EARNINGS, WireStories.VOTE_SPAIN);

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportsOfOneEventFromTwoSourcesShareACluster() {
        String partner = "wire-a-" + UUID.randomUUID().toString().substring(0, 8);
        String key = ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"kind\":\"partner\",\"defaultSections\":[\"Economy\"]}".formatted(partner))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey");
        List<WireStories.Story> feedStories = new ArrayList<>(SAME_EVENTS);
        feedStories.addAll(OTHER_EVENTS);
        server.on(
                "/wire-b.xml",
                ex -> FixtureServer.send(
                        ex, 200, "application/rss+xml", rss(feedStories, "").getBytes()));
        String feedId = ops().contentType(ContentType.JSON)
                .body("{\"name\":\"wire-b-%s\",\"url\":\"%s\",\"enabled\":false,\"defaultSections\":[\"Markets\"]}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8), server.url("/wire-b.xml")))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            for (WireStories.Story story : PUSHED) {
                given().contentType(ContentType.JSON)
                        .header("X-Api-Key", key)
                        .body(ninjs(story))
                        .when()
                        .post("/api/partners/" + partner + "/items")
                        .then()
                        .statusCode(201);
            }
            ops().when()
                    .post("/api/sources/" + feedId + "/fetch")
                    .then()
                    .statusCode(200)
                    .body("itemsNew", equalTo(8));

            Map<String, ItemIngested> byHeadline = new HashMap<>();
            items
                    .awaitCount(
                            r -> "news.item.ingested.v1".equals(TopicWatcher.header(r, "ce_type")) && isOneOf(r),
                            12,
                            Duration.ofSeconds(20))
                    .stream()
                    .filter(StoryClustersTest::isOneOf)
                    .map(r -> EventCodec.decode(r.value(), ItemIngested.class))
                    .forEach(e -> byHeadline.put(e.headline(), e));

            for (int i = 0; i < PUSHED.size(); i++) {
                ItemIngested first = byHeadline.get(PUSHED.get(i).headline());
                ItemIngested second = byHeadline.get(SAME_EVENTS.get(i).headline());
                ItemIngested other = byHeadline.get(OTHER_EVENTS.get(i).headline());
                assertEquals(first.itemId(), first.clusterId(), "the first report starts the cluster");
                assertEquals(first.itemId(), second.clusterId(), second.headline());
                assertEquals(other.itemId(), other.clusterId(), other.headline());
            }
            ItemIngested fed = byHeadline.get(WireStories.FED_WIRE_A.headline());
            ItemIngested fedB = byHeadline.get(WireStories.FED_WIRE_B.headline());
            assertEquals(List.of("markets", "central banks"), fedB.sections());
            assertEquals(List.of("economy", "trade"), fed.sections());

            editor().when()
                    .get("/api/items/" + fedB.itemId())
                    .then()
                    .statusCode(200)
                    .body("clusterId", equalTo(fed.itemId().toString()));
            editor().queryParam("cluster", fed.itemId().toString())
                    .when()
                    .get("/api/items")
                    .then()
                    .statusCode(200)
                    .body(
                            "id",
                            containsInAnyOrder(
                                    fed.itemId().toString(), fedB.itemId().toString()));

            server.on(
                    "/wire-b.xml",
                    ex -> FixtureServer.send(
                            ex,
                            200,
                            "application/rss+xml",
                            rss(feedStories, " Markets priced in the decision.").getBytes()));
            ops().when()
                    .post("/api/sources/" + feedId + "/fetch")
                    .then()
                    .statusCode(200)
                    .body("itemsUpdated", equalTo(8));
            ConsumerRecord<String, String> update = items.await(
                    r -> fedB.itemId().toString().equals(r.key())
                            && "news.item.updated.v1".equals(TopicWatcher.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            ItemUpdated updated = EventCodec.decode(update.value(), ItemUpdated.class);
            assertEquals(fed.itemId(), updated.clusterId(), "a new version stays in its cluster");
            assertNotEquals(
                    fed.itemId(),
                    byHeadline.get(WireStories.ECB_WIRE.headline()).clusterId());
        }
    }

    /**
     * Without the band locks both transactions would look before either commits and start two clusters. (The reports
     * are close rewrites, words 0.70 or more alike in 2,000 random draws, so the index always finds them: what is
     * tested is the race.)
     */
    @Test
    void twoReportsOfOneEventPushedAtTheSameTimeStillMeet() throws Exception {
        String wireA = "race-a-" + UUID.randomUUID().toString().substring(0, 8);
        String wireB = "race-b-" + UUID.randomUUID().toString().substring(0, 8);
        String keyA = partnerKey(wireA);
        String keyB = partnerKey(wireB);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int event = 0; event < 5; event++) {
                String company = name();
                String target = name();
                String bank = name();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<String> a = pool.submit(() -> {
                    together.await();
                    return push(
                            wireA,
                            keyA,
                            company + " to buy " + target,
                            ("%s agreed on Monday to buy %s for $%d billion in cash, its adviser %s said. The offer is a %d%% "
                                            + "premium to the closing price on Friday; regulators in Brussels must approve the "
                                            + "takeover, expected to close next year.")
                                    .formatted(company, target, 2 + event(company), bank, 20 + event(target)));
                });
                Future<String> b = pool.submit(() -> {
                    together.await();
                    return push(
                            wireB,
                            keyB,
                            target + " agrees to takeover by " + company,
                            ("%s will buy %s for $%d billion in cash, said %s, which advised on the deal. The offer is a %d%% "
                                            + "premium to Friday's closing price; regulators in Brussels have to approve the "
                                            + "takeover, which should close next year.")
                                    .formatted(company, target, 2 + event(company), bank, 20 + event(target)));
                });
                assertEquals(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS), company + "/" + target);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int event(String name) {
        return Math.abs(name.hashCode() % 7);
    }

    private final Random random = new Random();

    private String name() {
        StringBuilder name = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 7; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** @return the pushed item's cluster */
    private static String push(String partner, String key, String headline, String text) {
        return given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"urn:%s\",\"headline\":\"%s\",\"body_html\":\"<p>%s</p>\"}"
                        .formatted(UUID.randomUUID(), headline, text))
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(201)
                .extract()
                .path("clusterId");
    }

    private static boolean isOneOf(ConsumerRecord<String, String> record) {
        return PUSHED.stream().anyMatch(s -> record.value().contains(s.headline()))
                || SAME_EVENTS.stream().anyMatch(s -> record.value().contains(s.headline()))
                || OTHER_EVENTS.stream().anyMatch(s -> record.value().contains(s.headline()));
    }

    private static String ninjs(WireStories.Story story) {
        return """
                {"uri":"urn:wire-a:%s","versioncreated":"2026-11-24T07:30:00Z",
                 "headlines":[{"value":"%s","role":"main"}],
                 "bodies":[{"value":"<p>%s</p>","contenttype":"text/html"}],
                 "subjects":[{"name":"Trade"},{"name":"economy "}],"language":"en"}""".formatted(UUID.randomUUID(), story.headline(), story.text());
    }

    private static String rss(List<WireStories.Story> stories, String addendum) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < stories.size(); i++) {
            WireStories.Story s = stories.get(i);
            items.append("<item><title>")
                    .append(xml(s.headline()))
                    .append("</title><link>https://wire-b.example/")
                    .append(i)
                    .append("</link><guid>wire-b-")
                    .append(i)
                    .append("</guid><category>Central Banks</category>")
                    .append("<description>")
                    .append(xml(s.text() + addendum))
                    .append("</description></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wire B</title>"
                + "<link>https://wire-b.example/</link><description>d</description>" + items + "</channel></rss>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
