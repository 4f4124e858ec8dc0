package org.newsroom.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.ingest.Callers.editor;
import static org.newsroom.ingest.Callers.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Topics;
import org.newsroom.ingest.domain.Item;
import org.newsroom.ingest.domain.ItemLimits;
import org.newsroom.testing.TopicWatcher;

/** No item is taken in whose event would be too large for Kafka (1 MiB a record): refused with 413, naming the field. */
@QuarkusTest
class OversizedItemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private String partner;
    private String key;

    @BeforeEach
    void partner() {
        partner = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        key = ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"kind\":\"partner\"}".formatted(partner))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey");
    }

    private static ObjectNode ninjs(String uri, String body) {
        ObjectNode item = JSON.createObjectNode().put("uri", uri).put("headline", "Budget talks run long");
        item.putArray("bodies").addObject().put("value", body).put("contenttype", "text/html");
        return item;
    }

    private ValidatableResponse push(ObjectNode item) {
        return given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body(item.toString())
                .when()
                .post("/api/partners/" + partner + "/items")
                .then();
    }

    private void assertNotTakenIn(String uri) {
        assertTrue(Item.findBySourceAndExternalId(partner, uri).isEmpty(), "no item " + uri);
    }

    @Test
    void aPartnerBodyOf650KbIsRefusedNamingTheField() {
        String uri = "urn:wire:" + UUID.randomUUID();
        push(ninjs(uri, "<p>" + "Negotiators met again. ".repeat(650_000 / 23) + "</p>"))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors[0].field", equalTo("bodies"))
                .body("errors[0].message", containsString("200,000 characters"));
        assertNotTakenIn(uri);
    }

    @Test
    void aBodyThatOutgrowsTheEventOnceSanitizedIsRefused() {
        // 150,000 characters, within the limit as sent, but 3 bytes each in UTF-8, twice (HTML and text): 900 KB.
        String uri = "urn:wire:" + UUID.randomUUID();
        push(ninjs(uri, "<p>" + "€".repeat(150_000) + "</p>"))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("bodies"))
                .body("errors[0].message", containsString("once sanitized"));
        assertNotTakenIn(uri);
    }

    @Test
    void aLongDescriptionOrCopyrightIsRefusedNamingTheField() {
        String uri = "urn:wire:" + UUID.randomUUID();
        ObjectNode item = ninjs(uri, "<p>Short.</p>");
        item.putArray("descriptions").addObject().put("value", "d".repeat(ItemLimits.SUMMARY_CHARS + 1));
        push(item).statusCode(413).body("errors[0].field", equalTo("descriptions"));
        push(ninjs(uri, "<p>Short.</p>").put("copyrightNotice", "c".repeat(ItemLimits.RIGHTS_CHARS + 1)))
                .statusCode(413)
                .body("errors[0].field", equalTo("copyrightNotice"));
        assertNotTakenIn(uri);
    }

    @Test
    void aMaximalAcceptedItemsEventStaysWellBelowKafkasLimit() {
        String uri = "urn:wire:" + UUID.randomUUID();
        ObjectNode item = ninjs(uri, "<p>" + "€".repeat(87_000) + "</p>")
                .put("headline", "€".repeat(500))
                .put("by", "€".repeat(300))
                .put("copyrightNotice", "€".repeat(ItemLimits.RIGHTS_CHARS));
        item.putArray("descriptions").addObject().put("value", "€".repeat(ItemLimits.SUMMARY_CHARS));
        for (int i = 0; i < ItemLimits.SECTIONS; i++) {
            item.withArray("subjects").addObject().put("name", i + "€".repeat(99));
        }
        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            String id = push(item).statusCode(201).extract().path("id");
            ConsumerRecord<String, String> event = items.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            int bytes = event.value().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes > 550_000 && bytes < 700_000, "near the limits, and well below 1 MiB: " + bytes);
        }
    }

    @Test
    void aLongSummaryPushedToItemsIsRefusedNamingTheField() {
        String externalId = UUID.randomUUID().toString();
        editor().contentType(ContentType.JSON)
                .body(JSON.valueToTree(Map.of(
                                "source",
                                "wire-desk",
                                "externalId",
                                externalId,
                                "url",
                                "https://example.org/long",
                                "headline",
                                "Long",
                                "summary",
                                "s".repeat(ItemLimits.SUMMARY_CHARS + 1)))
                        .toString())
                .when()
                .post("/api/items")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("summary"));
        assertTrue(Item.findBySourceAndExternalId("wire-desk", externalId).isEmpty());
    }

    @Test
    void aRequestAboveTheBodySizeLimitGetsAProblemBody() throws IOException {
        // The answer comes as soon as the headers announce too much: the body is never sent (nor read).
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write(("POST /api/partners/" + partner + "/items HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/json\r\nX-Api-Key: " + key
                                    + "\r\nContent-Length: 3000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"field\":\"$\"") && answer.contains("2,097,152 bytes"), answer);
        }
    }
}
