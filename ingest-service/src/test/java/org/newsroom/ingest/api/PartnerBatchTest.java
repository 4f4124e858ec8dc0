package org.newsroom.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.ingest.Callers.editor;
import static org.newsroom.ingest.Callers.partnerKey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Topics;
import org.newsroom.ingest.Announcements;
import org.newsroom.ingest.domain.Item;
import org.newsroom.testing.TopicWatcher;

/** A batch partner push: a JSON array of ninjs items, answered 207 with what became of each, in one transaction. */
@QuarkusTest
class PartnerBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INGESTED = "news.item.ingested.v1";
    private static final String UPDATED = "news.item.updated.v1";
    private static final String WITHDRAWN = "news.item.withdrawn.v1";

    private final Random random = new Random();

    @Test
    void eachItemOfAMixedBatchGetsItsOwnStatusAndExactlyItsEvents() {
        String partner = name("batch");
        String key = partnerKey(partner);
        String unchanged = uri();
        String changed = uri();
        String withdrawn = uri();
        String unchangedId = pushOne(partner, key, ninjs(unchanged, "Port strike ends", "<p>Dockers return.</p>"));
        String changedId = pushOne(partner, key, ninjs(changed, "Budget vote delayed", "<p>Talks go on.</p>"));
        String withdrawnId = pushOne(partner, key, ninjs(withdrawn, "Minister resigns", "<p>Held.</p>"));
        String fresh = uri();
        String twice = uri();
        String nearA = uri();
        String nearB = uri();
        String headless = uri();
        ArrayNode batch = JSON.createArrayNode()
                .add(ninjs(fresh, "Grain prices climb", "<p>Wheat up 3%.</p>"))
                .add(ninjs(unchanged, "Port strike ends", "<p>Dockers return.</p>"))
                .add(ninjs(changed, "Budget vote delayed again", "<p>Talks go on into the night.</p>"))
                .add(ninjs(headless, "<b> </b>", "<p>No headline left.</p>"))
                .add(JSON.createObjectNode().put("headline", "No uri"))
                .add(JSON.createObjectNode().put("uri", withdrawn).put("pubStatus", "canceled"))
                .add(JSON.createObjectNode().put("uri", uri()).put("pubStatus", "canceled"))
                .add("not an object")
                .add(ninjs(twice, "Copper hits record", "<p>First take.</p>"))
                .add(ninjs(twice, "Copper hits record high", "<p>Second take, with prices.</p>"))
                .addAll(twoReportsOfOneDeal(nearA, nearB));

        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            JsonPath answer =
                    pushBatch(partner, key, batch).statusCode(207).extract().jsonPath();

            List<String> outcomes = answer.getList("results.outcome");
            assertEquals(
                    List.of(
                            "created",
                            "unchanged",
                            "updated",
                            "refused",
                            "refused",
                            "withdrawn",
                            "refused",
                            "refused",
                            "created",
                            "updated",
                            "created",
                            "created"),
                    outcomes);
            assertEquals(
                    List.of(201, 200, 200, 422, 422, 200, 404, 400, 201, 200, 201, 201),
                    answer.getList("results.status"));
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), answer.getList("results.index"));
            assertEquals("headlines", answer.getString("results[3].problem.errors[0].field"));
            assertEquals("uri", answer.getString("results[4].problem.errors[0].field"));
            assertEquals(2, answer.getInt("results[2].version"));
            assertEquals(2, answer.getInt("results[9].version"));
            assertEquals(answer.getString("results[8].id"), answer.getString("results[9].id"));
            assertTrue(Item.findBySourceAndExternalId(partner, headless).isEmpty(), "a refused item is not stored");

            String freshId = answer.getString("results[0].id");
            String twiceId = answer.getString("results[8].id");
            String nearAId = answer.getString("results[10].id");
            String nearBId = answer.getString("results[11].id");
            assertEquals(List.of(INGESTED), Announcements.of(freshId));
            assertEquals(List.of(INGESTED), Announcements.of(unchangedId), "an unchanged item is not announced again");
            assertEquals(List.of(INGESTED, UPDATED), Announcements.of(changedId));
            assertEquals(List.of(INGESTED, WITHDRAWN), Announcements.of(withdrawnId));
            assertEquals(List.of(INGESTED, UPDATED), Announcements.of(twiceId));
            assertEquals(List.of(INGESTED), Announcements.of(nearAId));
            assertEquals(List.of(INGESTED), Announcements.of(nearBId));
            assertEquals(
                    clusterOf(nearAId),
                    clusterOf(nearBId),
                    "a near-duplicate of an earlier item of the batch joins it");
            assertNotEquals(clusterOf(freshId), clusterOf(nearAId));

            List<String> keys = List.of(freshId, changedId, withdrawnId, twiceId, nearAId, nearBId);
            List<String> setUp = List.of(changedId, withdrawnId);
            List<ConsumerRecord<String, String>> records = items.awaitCount(
                    r -> keys.contains(r.key())
                            && !(setUp.contains(r.key()) && INGESTED.equals(TopicWatcher.header(r, "ce_type"))),
                    7,
                    Duration.ofSeconds(30));
            assertEquals(
                    List.of(INGESTED, UPDATED, WITHDRAWN, INGESTED, UPDATED, INGESTED, INGESTED),
                    keys.stream()
                            .flatMap(id -> records.stream()
                                    .filter(r -> id.equals(r.key()))
                                    .map(r -> TopicWatcher.header(r, "ce_type")))
                            .toList());
        }
    }

    /**
     * Each batch locks all of its items' bands at once, in order: two batches that report the same events in opposite
     * orders neither deadlock nor miss each other, and every pair ends in one cluster.
     */
    @Test
    void twoConcurrentBatchesOfNearDuplicatesBothSucceedAndCluster() throws Exception {
        String wireA = name("batch-a");
        String wireB = name("batch-b");
        String keyA = partnerKey(wireA);
        String keyB = partnerKey(wireB);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                ArrayNode batchA = JSON.createArrayNode();
                List<ObjectNode> reportsB = new ArrayList<>();
                for (int event = 0; event < 8; event++) {
                    List<ObjectNode> reports = twoReportsOfOneDeal(uri(), uri());
                    batchA.add(reports.get(0));
                    reportsB.add(reports.get(1));
                }
                ArrayNode batchB = JSON.createArrayNode();
                for (int event = reportsB.size() - 1; event >= 0; event--) {
                    batchB.add(reportsB.get(event));
                }
                CyclicBarrier together = new CyclicBarrier(2);
                Future<JsonPath> a = pool.submit(() -> {
                    together.await();
                    return pushBatch(wireA, keyA, batchA)
                            .statusCode(207)
                            .extract()
                            .jsonPath();
                });
                Future<JsonPath> b = pool.submit(() -> {
                    together.await();
                    return pushBatch(wireB, keyB, batchB)
                            .statusCode(207)
                            .extract()
                            .jsonPath();
                });
                List<String> idsA = a.get(60, TimeUnit.SECONDS).getList("results.id");
                List<String> idsB = b.get(60, TimeUnit.SECONDS).getList("results.id");
                for (int event = 0; event < idsA.size(); event++) {
                    assertEquals(
                            clusterOf(idsA.get(event)),
                            clusterOf(idsB.get(idsB.size() - 1 - event)),
                            "round " + round + ", event " + event);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One takeover as two agencies word it, under fresh names so that no other test's story is near them: close
     * rewrites that always cluster (StoryClustersTest).
     */
    private List<ObjectNode> twoReportsOfOneDeal(String uriA, String uriB) {
        String company = word();
        String target = word();
        String bank = word();
        int billions = 2 + random.nextInt(7);
        int premium = 20 + random.nextInt(7);
        return List.of(
                ninjs(
                        uriA,
                        company + " to buy " + target,
                        ("%s agreed on Monday to buy %s for $%d billion in cash, its adviser %s said. The offer is a %d%% "
                                        + "premium to the closing price on Friday; regulators in Brussels must approve "
                                        + "the takeover, expected to close next year.")
                                .formatted(company, target, billions, bank, premium)),
                ninjs(
                        uriB,
                        target + " agrees to takeover by " + company,
                        ("%s will buy %s for $%d billion in cash, said %s, which advised on the deal. The offer is a %d%% "
                                        + "premium to Friday's closing price; regulators in Brussels have to approve the "
                                        + "takeover, which should close next year.")
                                .formatted(company, target, billions, bank, premium)));
    }

    @Test
    void aBatchOverItsCapOrTheRequestLimitIsRefusedWithAProblem() {
        String partner = name("batch-cap");
        String key = partnerKey(partner);
        ArrayNode tooMany = JSON.createArrayNode();
        for (int i = 0; i <= PartnerResource.BATCH_ITEMS; i++) {
            tooMany.add(ninjs(uri(), "Item " + i, "<p>Body.</p>"));
        }
        pushBatch(partner, key, tooMany)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("$"));
        pushBatch(partner, key, JSON.createArrayNode())
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("$"));

        ArrayNode tooLarge = JSON.createArrayNode();
        String sentinel = uri();
        tooLarge.add(ninjs(sentinel, "Sentinel", "<p>Short.</p>"));
        for (int i = 0; i < 12; i++) {
            tooLarge.add(ninjs(uri(), "Long read " + i, "<p>" + "Negotiators met again. ".repeat(8_000) + "</p>"));
        }
        pushBatch(partner, key, tooLarge)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("$"));
        assertTrue(Item.findBySourceAndExternalId(partner, sentinel).isEmpty(), "nothing of a refused batch is stored");
    }

    private static ValidatableResponse pushBatch(String partner, String key, ArrayNode batch) {
        return given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body(batch.toString())
                .when()
                .post("/api/partners/" + partner + "/items")
                .then();
    }

    private static String pushOne(String partner, String key, ObjectNode item) {
        return given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body(item.toString())
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String clusterOf(String itemId) {
        return editor().when()
                .get("/api/items/" + itemId)
                .then()
                .statusCode(200)
                .extract()
                .path("clusterId");
    }

    private static ObjectNode ninjs(String uri, String headline, String body) {
        ObjectNode item = JSON.createObjectNode().put("uri", uri).put("language", "en");
        item.putArray("headlines").addObject().put("value", headline).put("role", "main");
        item.putArray("bodies").addObject().put("value", body).put("contenttype", "text/html");
        return item;
    }

    private static String uri() {
        return "urn:batch:" + UUID.randomUUID();
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String word() {
        StringBuilder word = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
