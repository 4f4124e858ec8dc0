package org.newsroom.ingest.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.ingest.Callers.editor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.Topics;
import org.newsroom.ingest.Announcements;
import org.newsroom.testing.TopicWatcher;

@QuarkusTest
class ItemResourceTest {

    private static String item(String externalId, String headline) {
        return """
                {"source":"wire-desk","externalId":"%s","url":"https://example.org/a/%s",
                 "headline":"%s","summary":"First paragraph.\\n\\nSecond paragraph.",
                 "byline":"A. Writer","outlet":"The Harbor Ledger","outletUrl":"https://example.org",
                 "publishedAt":"2026-11-24T07:30:00Z"}""".formatted(externalId, externalId, headline);
    }

    @Test
    void pushedItemIsStoredAndAnnouncedOnce() {
        String externalId = UUID.randomUUID().toString();
        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            String id = editor().contentType(ContentType.JSON)
                    .body(item(externalId, "Tariff talks stall"))
                    .when()
                    .post("/api/items")
                    .then()
                    .statusCode(201)
                    .header("Location", notNullValue())
                    .body("headline", equalTo("Tariff talks stall"))
                    .extract()
                    .path("id");

            ConsumerRecord<String, String> record = items.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertEquals("news.item.ingested.v1", TopicWatcher.header(record, "ce_type"));
            assertEquals("1.0", TopicWatcher.header(record, "ce_specversion"));
            assertEquals("urn:newsroom:ingest-service", TopicWatcher.header(record, "ce_source"));
            ItemIngested event = EventCodec.decode(record.value(), ItemIngested.class);
            assertEquals(UUID.fromString(id), event.itemId());
            assertEquals("The Harbor Ledger", event.attribution().outlet());

            editor().contentType(ContentType.JSON)
                    .body(item(externalId, "Tariff talks stall"))
                    .when()
                    .post("/api/items")
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id));
            assertEquals(
                    List.of("news.item.ingested.v1"),
                    Announcements.of(id),
                    "a duplicate push must not announce the item again");

            editor().when().get("/api/items/" + id).then().statusCode(200).body("externalId", equalTo(externalId));
        }
    }

    @Test
    void invalidItemIsRefusedWithAProblemNamingTheFields() {
        editor().contentType(ContentType.JSON)
                .body("{\"source\":\"Wire Desk\",\"url\":\"not a url\",\"headline\":\" \"}")
                .when()
                .post("/api/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("source", "url", "headline"));
    }

    @Test
    void aHeadlineThatSanitizesToNothingIs422NamingIt() {
        String source = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        editor().contentType(ContentType.JSON)
                .body("{\"source\":\"%s\",\"url\":\"https://example.org/empty\",\"headline\":\"<b> </b>\"}"
                        .formatted(source))
                .when()
                .post("/api/items")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Unprocessable Content"))
                .body("detail", equalTo("The request cannot be applied"))
                .body("errors.field", equalTo(List.of("headline")))
                .body("errors[0].message", equalTo("nothing is left of the headline once sanitized"));
        editor().contentType(ContentType.JSON)
                .body("{\"source\":\"%s\",\"url\":\"https://example.org/named\",\"headline\":\"<b>Named</b>\"}"
                        .formatted(source))
                .when()
                .post("/api/items")
                .then()
                .statusCode(201);
        editor().queryParam("source", source)
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .body("headline", equalTo(List.of("Named")));
    }

    @Test
    void malformedJsonIsRefusedWithAProblem() {
        editor().contentType(ContentType.JSON)
                .body("{\"source\":")
                .when()
                .post("/api/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"));
    }

    @Test
    void clusterFilterTakesAClusterIdOnly() {
        editor().queryParam("cluster", UUID.randomUUID().toString())
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        editor().queryParam("cluster", "fed-story")
                .when()
                .get("/api/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cluster"));
    }

    @Test
    void unknownItemIsNotFound() {
        editor().when()
                .get("/api/items/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
