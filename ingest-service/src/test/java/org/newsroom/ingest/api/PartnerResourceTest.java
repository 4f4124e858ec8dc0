package org.newsroom.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.ingest.Callers.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemWithdrawn;
import org.newsroom.events.Topics;
import org.newsroom.ingest.Announcements;
import org.newsroom.testing.TopicWatcher;

@QuarkusTest
class PartnerResourceTest {

    private String partner;
    private String key;

    @BeforeEach
    void partner() {
        partner = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = ops().contentType(ContentType.JSON)
                .body(
                        "{\"name\":\"%s\",\"kind\":\"partner\",\"attributionName\":\"Global Wire\",\"attributionUrl\":\"https://wire.example\",\"defaultSections\":[\"Geoeconomics\",\"Markets\"]}"
                                .formatted(partner))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        key = created.getString("apiKey");
    }

    private static String ninjs(String uri, String headline, String body) {
        return """
                {"uri":"%s","version":"1","versioncreated":"2026-11-24T07:30:00Z",
                 "headlines":[{"value":"%s","role":"main"}],"by":"Jane Doe",
                 "bodies":[{"value":"%s","contenttype":"text/html"}],
                 "descriptions":[{"value":"A short dek.","role":"summary"}],
                 "subjects":[{"name":"Trade","code":"medtop:20000523"},{"name":" markets"},{"name":"GEOECONOMICS"}],"language":"en",
                 "copyrightnotice":"(c) 2026 Global Wire","embargoed":"2026-11-24T09:00:00Z",
                 "pubstatus":"usable","infosources":[{"name":"Global Wire"}]}""".formatted(uri, headline, body);
    }

    @Test
    void pushedNinjsBecomesASanitizedItemThenUpdatedThenWithdrawn() {
        String uri = "urn:globalwire:" + UUID.randomUUID();
        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            String id = given().contentType(ContentType.JSON)
                    .header("X-Api-Key", key)
                    .body(ninjs(uri, "Tariffs <b>rise</b>", "<p>Body</p><script>alert(1)</script>"))
                    .when()
                    .post("/api/partners/" + partner + "/items")
                    .then()
                    .statusCode(201)
                    .body("headline", equalTo("Tariffs rise"))
                    .body("bodyHtml", equalTo("<p>Body</p>"))
                    .body("summary", equalTo("A short dek."))
                    .body("byline", equalTo("Jane Doe"))
                    .body("outlet", equalTo("Global Wire"))
                    .body("sections", equalTo(List.of("geoeconomics", "markets", "trade")))
                    .body("rights", equalTo("(c) 2026 Global Wire"))
                    .body("embargoedUntil", equalTo("2026-11-24T09:00:00Z"))
                    .body("version", equalTo(1))
                    .extract()
                    .path("id");

            given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer " + key)
                    .body(ninjs(uri, "Tariffs <b>rise</b>", "<p>Body</p><script>alert(1)</script>"))
                    .when()
                    .post("/api/partners/" + partner + "/items")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(1));
            given().contentType(ContentType.JSON)
                    .header("X-Api-Key", key)
                    .body(ninjs(uri, "Tariffs rise sharply", "<p>Body, corrected</p>"))
                    .when()
                    .post("/api/partners/" + partner + "/items")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(2));

            given().contentType(ContentType.JSON)
                    .header("X-Api-Key", key)
                    .body("{\"uri\":\"%s\",\"pubStatus\":\"canceled\"}".formatted(uri))
                    .when()
                    .post("/api/partners/" + partner + "/items")
                    .then()
                    .statusCode(200)
                    .body("withdrawnAt", notNullValue());

            List<String> announced = List.of("news.item.ingested.v1", "news.item.updated.v1", "news.item.withdrawn.v1");
            assertEquals(announced, Announcements.of(id));
            List<ConsumerRecord<String, String>> records =
                    items.awaitCount(r -> id.equals(r.key()), 3, Duration.ofSeconds(30));
            assertEquals(
                    announced,
                    records.stream().map(r -> TopicWatcher.header(r, "ce_type")).toList());
            ItemIngested ingested = EventCodec.decode(records.get(0).value(), ItemIngested.class);
            assertEquals(
                    List.of("geoeconomics", "markets", "trade"),
                    ingested.sections(),
                    "the source's default sections and the item's subjects, lower-case, each once");
            assertEquals(
                    ingested.itemId(), ingested.clusterId(), "a story no other source reported is its own cluster");
            ItemWithdrawn withdrawn = EventCodec.decode(records.get(2).value(), ItemWithdrawn.class);
            assertEquals(uri, withdrawn.externalId());
            assertEquals("pubStatus=canceled", withdrawn.reason());
        }
    }

    @Test
    void withheldWithdrawsUntilAUsableVersionComes() {
        String uri = "urn:globalwire:" + UUID.randomUUID();
        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            String id = given().contentType(ContentType.JSON)
                    .header("X-Api-Key", key)
                    .body(ninjs(uri, "Minister resigns", "<p>Held for legal review.</p>"))
                    .when()
                    .post("/api/partners/" + partner + "/items")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().contentType(ContentType.JSON)
                    .header("X-Api-Key", key)
                    .body("{\"uri\":\"%s\",\"pubstatus\":\"withheld\"}".formatted(uri))
                    .when()
                    .post("/api/partners/" + partner + "/items")
                    .then()
                    .statusCode(200)
                    .body("withdrawnAt", notNullValue());
            given().contentType(ContentType.JSON)
                    .header("X-Api-Key", key)
                    .body(ninjs(uri, "Minister resigns", "<p>Held for legal review.</p>"))
                    .when()
                    .post("/api/partners/" + partner + "/items")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(2))
                    .body("withdrawnAt", nullValue());

            List<String> announced = List.of("news.item.ingested.v1", "news.item.withdrawn.v1", "news.item.updated.v1");
            assertEquals(announced, Announcements.of(id));
            List<ConsumerRecord<String, String>> records =
                    items.awaitCount(r -> id.equals(r.key()), 3, Duration.ofSeconds(30));
            assertEquals(
                    announced,
                    records.stream().map(r -> TopicWatcher.header(r, "ce_type")).toList());
            assertEquals(
                    "pubStatus=withheld",
                    EventCodec.decode(records.get(1).value(), ItemWithdrawn.class)
                            .reason());
        }
    }

    @Test
    void wrongOrMissingKeyIs401() {
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", "nrk_wrong")
                .body(ninjs("urn:x:1", "H", "<p>b</p>"))
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(ninjs("urn:x:1", "H", "<p>b</p>"))
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body(ninjs("urn:x:1", "H", "<p>b</p>"))
                .when()
                .post("/api/partners/no-such-partner/items")
                .then()
                .statusCode(401)
                .body("detail", not(containsString(key)));
    }

    @Test
    void invalidItemsAreProblemsNamingTheField() {
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"headline\":\"no uri\"}")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("uri"));
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"urn:x:2\"}")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("headlines"));
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"urn:x:2b\",\"headline\":\"<i> </i>\"}")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(422)
                .body("detail", equalTo("The request cannot be applied"))
                .body("errors[0].field", equalTo("headlines"))
                .body("errors[0].message", equalTo("nothing is left of the headline once sanitized"));
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"urn:x:3\",\"headline\":\"h\",\"pubStatus\":\"gone\"}")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("pubStatus"));
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"urn:x:4\",\"headline\":\"h\",\"versionCreated\":\"yesterday\"}")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("versionCreated"));
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"urn:x:5\",\"headlines\":\"h\"}")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("headlines"));
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":7,\"headline\":\"h\"}")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("uri"));
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body("{\"uri\":\"urn:x:none\",\"pubStatus\":\"canceled\"}")
                .when()
                .post("/api/partners/" + partner + "/items")
                .then()
                .statusCode(404);
    }
}
