package org.newsroom.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.ingest.Callers.editor;
import static org.newsroom.ingest.Callers.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.testing.TestTokens;

/**
 * Hostile callers: no token, a wrong role, a partner's key used for another partner, a manual push in a partner's
 * name, another source's URL re-sent. Each refusal is a problem body, and a sentinel shows nothing happened.
 */
@QuarkusTest
class IngestAccessTest {
    private static final String READER = TestTokens.token("rita", "reader");
    private static final String SOURCE = "/api/sources/" + UUID.randomUUID();
    private static final String ITEM = "/api/items/" + UUID.randomUUID();

    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}");
        }
    }

    static Stream<Endpoint> sourceEndpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/sources", null),
                new Endpoint("POST", "/api/sources", "{\"name\":\"intruder\",\"url\":\"https://example.org/f.xml\"}"),
                new Endpoint("GET", SOURCE, null),
                new Endpoint("PUT", SOURCE, "{\"name\":\"intruder\",\"url\":\"https://example.org/f.xml\"}"),
                new Endpoint("DELETE", SOURCE, null),
                new Endpoint("POST", SOURCE + "/fetch", null),
                new Endpoint("GET", SOURCE + "/fetches", null),
                new Endpoint("POST", SOURCE + "/keys", null));
    }

    static Stream<Endpoint> itemEndpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/items", null),
                new Endpoint("GET", ITEM, null),
                new Endpoint(
                        "POST",
                        "/api/items",
                        manualItem("intruder", UUID.randomUUID().toString())));
    }

    static Stream<Endpoint> everyTokenEndpoint() {
        return Stream.concat(sourceEndpoints(), itemEndpoints());
    }

    private static RequestSpecification with(RequestSpecification request, Endpoint endpoint) {
        return endpoint.body() == null
                ? request
                : request.contentType(ContentType.JSON).body(endpoint.body());
    }

    private static String manualItem(String source, String externalId) {
        return """
                {"source":"%s","externalId":"%s","url":"https://example.org/manual/%s","headline":"Pushed by hand"}""".formatted(source, externalId, externalId);
    }

    private static String ninjs(String uri, String headline) {
        return """
                {"uri":"%s","headlines":[{"value":"%s","role":"main"}],"bodies":[{"value":"<p>%s</p>"}]}""".formatted(uri, headline, headline);
    }

    private String partnerA;
    private String keyA;
    private String partnerB;
    private String keyB;
    private String partnerBId;

    @BeforeEach
    void partners() {
        partnerA = "partner-a-" + UUID.randomUUID().toString().substring(0, 8);
        keyA = createPartner(partnerA).getString("apiKey");
        partnerB = "partner-b-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath b = createPartner(partnerB);
        keyB = b.getString("apiKey");
        partnerBId = b.getString("id");
    }

    private static JsonPath createPartner(String name) {
        return ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"kind\":\"partner\"}".formatted(name))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static ValidatableResponse push(String partner, String key, String body) {
        return given().contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body(body)
                .when()
                .post("/api/partners/" + partner + "/items")
                .then();
    }

    private static List<String> headlinesOf(String source) {
        return editor().queryParam("source", source)
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .extract()
                .path("headline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTokenEndpoint")
    void anonymousCallsAre401WithAProblemBody(Endpoint endpoint) {
        with(given(), endpoint)
                .request(endpoint.method(), endpoint.path())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        with(given().auth().oauth2("not-a-jwt"), endpoint)
                .request(endpoint.method(), endpoint.path())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sourceEndpoints")
    void editorsMayNotTouchSources(Endpoint endpoint) {
        with(editor(), endpoint)
                .request(endpoint.method(), endpoint.path())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("ingest-admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itemEndpoints")
    void aRoleOutsideTheDeskMayNotTouchItems(Endpoint endpoint) {
        with(given().auth().oauth2(READER), endpoint)
                .request(endpoint.method(), endpoint.path())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void refusedCallsChangeNothing() {
        String name = "anon-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"kind\":\"partner\"}".formatted(name))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(401);
        editor().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"kind\":\"partner\"}".formatted(name))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(403);
        given().when().delete("/api/sources/" + partnerBId).then().statusCode(401);
        editor().when().post("/api/sources/" + partnerBId + "/keys").then().statusCode(403);

        // Sentinel: the source was never created, B still exists and its key still works (it was not rotated).
        ops().when()
                .get("/api/sources")
                .then()
                .statusCode(200)
                .body("name", not(hasItem(name)))
                .body("name", hasItem(partnerB));
        push(partnerB, keyB, ninjs("urn:b:" + UUID.randomUUID(), "Still B's key"))
                .statusCode(201);
    }

    @Test
    void thePartnerPushNeedsThatPartnersOwnKey() {
        String uri = "urn:test:" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(ninjs(uri, "No key"))
                .when()
                .post("/api/partners/" + partnerB + "/items")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        push(partnerB, "nrk_wrong", ninjs(uri, "Wrong key")).statusCode(401).contentType("application/problem+json");
        push(partnerB, keyA, ninjs(uri, "A's key for B")).statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.token("ops@test", "ingest-admin"))
                .body(ninjs(uri, "A JWT is no partner key"))
                .when()
                .post("/api/partners/" + partnerB + "/items")
                .then()
                .statusCode(401);

        push(partnerA, keyA, ninjs("urn:a:" + UUID.randomUUID(), "A's own item"))
                .statusCode(201);
        // Sentinel: B got none of it, A got its own item.
        editor().queryParam("source", partnerB)
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .body("$", empty());
        assertEquals(List.of("A's own item"), headlinesOf(partnerA));
    }

    @Test
    void anotherSourcesItemCannotBeTakenOverByReSendingItsUrl() {
        String url = "https://wire.example/b/" + UUID.randomUUID();
        String itemOfB = push(partnerB, keyB, ninjs(url, "Original by B"))
                .statusCode(201)
                .extract()
                .path("id");

        // A withdraws B's item: A has no such item, B's stays.
        push(partnerA, keyA, "{\"uri\":\"%s\",\"pubStatus\":\"canceled\"}".formatted(url))
                .statusCode(404);
        // A re-sends B's URL with its own copy: that is an item of A's; B's item is not updated.
        push(partnerA, keyA, ninjs(url, "Rewritten by A"))
                .statusCode(201)
                .body("source", equalTo(partnerA))
                .body("id", not(equalTo(itemOfB)));
        // A manual push of the same URL under a name of its own is its own item too.
        editor().contentType(ContentType.JSON)
                .body("""
                {"source":"desk-%s","url":"%s","headline":"Rewritten by hand"}""".formatted(UUID.randomUUID().toString().substring(0, 8), url))
                .when()
                .post("/api/items")
                .then()
                .statusCode(201)
                .body("id", not(equalTo(itemOfB)));

        editor().when()
                .get("/api/items/" + itemOfB)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Original by B"))
                .body("version", equalTo(1))
                .body("withdrawnAt", equalTo(null))
                .body("versions.size()", equalTo(1));
    }

    @Test
    void aManualPushMayNotSpeakForARegisteredSource() {
        String externalId = UUID.randomUUID().toString();
        editor().contentType(ContentType.JSON)
                .body(manualItem(partnerB, externalId))
                .when()
                .post("/api/items")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("source"))
                .body("detail", containsString("partner push"))
                .body(
                        "detail",
                        equalTo("Source " + partnerB + " is a registered partner: its items come only through"
                                + " its partner push (/api/partners/" + partnerB + "/items, with its key)"))
                .body(
                        "errors[0].message",
                        equalTo("must not name a registered source; use a name of your own for items pushed by hand"));
        String feed = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        ops().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"url\":\"https://example.org/feed.xml\",\"enabled\":false}".formatted(feed))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201);
        ops().contentType(ContentType.JSON)
                .body(manualItem(feed, externalId))
                .when()
                .post("/api/items")
                .then()
                .statusCode(403)
                .body("errors[0].field", equalTo("source"))
                .body(
                        "detail",
                        equalTo("Source " + feed + " is a registered feed: its items come only through its feed"));

        // Sentinel: the partner's own item goes through, and it is the only one under its name.
        push(partnerB, keyB, ninjs("urn:b:" + externalId, "B's own")).statusCode(201);
        assertEquals(List.of("B's own"), headlinesOf(partnerB));
        editor().queryParam("source", feed)
                .when()
                .get("/api/items")
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void whoPushedAnItemByHandIsRecordedOnItsVersion() {
        String source = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        String id = editor().contentType(ContentType.JSON)
                .body(manualItem(source, "one"))
                .when()
                .post("/api/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ops().contentType(ContentType.JSON)
                .body(manualItem(source, "one").replace("Pushed by hand", "Corrected"))
                .when()
                .post("/api/items")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        editor().when()
                .get("/api/items/" + id)
                .then()
                .statusCode(200)
                .body("versions.pushedBy", equalTo(List.of("editor@test", "ops@test")));
        String partnerItem = push(partnerB, keyB, ninjs("urn:b:" + UUID.randomUUID(), "Partner's"))
                .statusCode(201)
                .extract()
                .path("id");
        editor().when()
                .get("/api/items/" + partnerItem)
                .then()
                .statusCode(200)
                .body("versions[0]", not(hasKey("pushedBy")));
    }

    @Test
    void aRotatedKeyReplacesTheOldOneWhichWorksDuringItsGrace() {
        String oldKey = keyB;
        String newKey = ops().when()
                .post("/api/sources/" + partnerBId + "/keys")
                .then()
                .statusCode(200)
                .body("sourceId", equalTo(partnerBId))
                .body("apiKey", startsWith("nrk_"))
                .body("previousKeyValidUntil", notNullValue())
                .extract()
                .path("apiKey");
        push(partnerB, newKey, ninjs("urn:b:" + UUID.randomUUID(), "With the new key"))
                .statusCode(201);
        push(partnerB, oldKey, ninjs("urn:b:" + UUID.randomUUID(), "With the old key, within its grace"))
                .statusCode(201);
        // The key is shown once: the source itself never carries it.
        ops().when().get("/api/sources/" + partnerBId).then().statusCode(200).body("$", not(hasKey("apiKey")));
        // A feed has no key to rotate.
        String feedId = ops().contentType(ContentType.JSON)
                .body("{\"name\":\"feed-%s\",\"url\":\"https://example.org/feed.xml\",\"enabled\":false}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8)))
                .when()
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ops().when()
                .post("/api/sources/" + feedId + "/keys")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }
}
