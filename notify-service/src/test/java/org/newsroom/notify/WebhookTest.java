package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.notify.WebhookAdmin.admin;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.TestTokens;

/** Webhooks against a real HTTP receiver (JDK HttpServer) that verifies the Standard Webhooks signature itself. */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class WebhookTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the receiver got: headers, body, and whether the signature verified with the endpoint's secret. */
    record Received(String id, String timestamp, String signature, String body) {}

    private HttpServer server;
    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new Received(
                            exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"),
                            new String(body, StandardCharsets.UTF_8)));
            // Counted per event: the shared broker may carry other runs' publications to these endpoints too.
            String event = exchange.getRequestHeaders().getFirst("webhook-id");
            int call = calls.computeIfAbsent(path + " " + event, p -> new AtomicInteger())
                    .incrementAndGet();
            int status;
            if (path.startsWith("/ok")) {
                status = 204;
            } else if (path.startsWith("/flaky")) {
                status = call < 3 ? 503 : 200;
            } else if (path.startsWith("/gone")) {
                status = 410;
            } else {
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Registers an endpoint: @return {id, secret} */
    private static String[] register(String url) {
        var response = admin().contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"eventTypes\":[\"news.publication.published.v1\"]}")
                .when()
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("status", equalTo("ACTIVE"))
                .extract();
        return new String[] {response.path("id"), response.path("secret")};
    }

    private String publish() {
        return publish(UUID.randomUUID());
    }

    /** Publishes a story keyed by its id: the same id again is a record on the same partition. @return event id */
    private String publish(UUID id) {
        PublicationPublished publication = new PublicationPublished(
                id,
                UUID.randomUUID(),
                "story-" + id,
                "https://news.example/p/" + id,
                "Webhook story " + id,
                "Summary.",
                null,
                new Attribution("The Harbor Ledger", null),
                1,
                Instant.now());
        String eventId = UUID.randomUUID().toString();
        records.send(
                Topics.PUBLICATIONS,
                id.toString(),
                eventId,
                EventType.PUBLICATION_PUBLISHED.type(),
                EventCodec.encode(publication));
        return eventId;
    }

    /** What a receiver does: recompute v1 over id.timestamp.body with the key in the whsec_ secret. */
    static boolean verifies(String secret, Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal(
                (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        for (String candidate : request.signature().split(" ")) {
            if (candidate.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    /** @return the calls of this event to the path, once there are at least {@code count} */
    private List<Received> awaitCalls(String path, String eventId, int count) {
        await().atMost(TIMEOUT).until(() -> calls(path, eventId).size() >= count);
        return calls(path, eventId);
    }

    private List<Received> calls(String path, String eventId) {
        return received.getOrDefault(path, List.of()).stream()
                .filter(r -> eventId.equals(r.id()))
                .toList();
    }

    private static String delivery(String eventId) {
        return "find { it.eventId == '" + eventId + "' }";
    }

    @Test
    void adminApiNeedsTheAdminRole() {
        given().when().get("/api/webhooks").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.token("an-editor", "editor"))
                .when()
                .get("/api/webhooks")
                .then()
                .statusCode(403);
        admin().when().get("/api/webhooks").then().statusCode(200);
    }

    @Test
    void privateAndOddUrlsAreRefused() {
        for (String url : List.of("ftp://example.org/x", "not a url")) {
            admin().contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\"}")
                    .when()
                    .post("/api/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        // Internal addresses in every form, by name or literal; the problem says why without naming the address.
        for (String url : List.of(
                "http://10.1.2.3/hook",
                "http://localhost:8080/hook",
                "http://[::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://[64:ff9b::a9fe:a9fe]/hook",
                "http://[2002:7f00:1::1]/hook",
                "http://[fd00:ec2::254]/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://168.63.129.16/")) {
            admin().contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\"}")
                    .when()
                    .post("/api/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("Webhook URL refused: internal address"))
                    .body("errors[0].message", equalTo("internal address"));
        }
        admin().contentType(ContentType.JSON)
                .body("{\"url\":\"" + url("/ok") + "\",\"eventTypes\":[\"no.such\"]}")
                .when()
                .post("/api/webhooks")
                .then()
                .statusCode(400);
    }

    @Test
    void everyPublishEventIsPostedOnceSignedAndRecorded() throws Exception {
        String[] endpoint = register(url("/ok/" + UUID.randomUUID()));
        admin().when()
                .get("/api/webhooks")
                .then()
                .statusCode(200)
                .body("id", hasItem(endpoint[0]))
                .body("secret", not(hasItem(endpoint[1])));
        admin().when()
                .get("/api/webhooks/" + endpoint[0])
                .then()
                .statusCode(200)
                .body("secret", nullValue());

        String eventId = publish();
        await().atMost(TIMEOUT)
                .until(() -> received.values().stream().flatMap(List::stream).anyMatch(r -> eventId.equals(r.id())));
        Received request = received.values().stream()
                .flatMap(List::stream)
                .filter(r -> eventId.equals(r.id()))
                .findFirst()
                .orElseThrow();
        assertTrue(verifies(endpoint[1], request), "signature verifies with the secret shown at creation");
        assertTrue(Math.abs(Long.parseLong(request.timestamp()) - Instant.now().getEpochSecond()) < 60);
        assertTrue(request.body().startsWith("{\"type\":\"news.publication.published.v1\""), request.body());
        assertTrue(request.body().contains("\"data\":{"), request.body());
        Received forged = new Received(
                request.id(),
                request.timestamp(),
                request.signature(),
                request.body().replace("Webhook story", "Forged story"));
        assertTrue(!verifies(endpoint[1], forged), "a changed body no longer verifies");

        // The same event again (redelivered by Kafka) is not posted again.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + endpoint[0] + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("find { it.eventId == '" + eventId + "' }.status", equalTo("DELIVERED"))
                        .body("find { it.eventId == '" + eventId + "' }.lastStatusCode", equalTo(204)));
        assertEquals(
                1,
                received.values().stream()
                        .flatMap(List::stream)
                        .filter(r -> eventId.equals(r.id()))
                        .count());

        admin().when().delete("/api/webhooks/" + endpoint[0]).then().statusCode(204);
        admin().when().get("/api/webhooks/" + endpoint[0]).then().statusCode(404);
        admin().when().delete("/api/webhooks/" + endpoint[0]).then().statusCode(404);
    }

    @Test
    void failuresAreRetriedThenMarkedFailedAndGoneDisablesTheEndpoint() {
        String flakyPath = "/flaky/" + UUID.randomUUID();
        String downPath = "/down/" + UUID.randomUUID();
        String gonePath = "/gone/" + UUID.randomUUID();
        String[] flaky = register(url(flakyPath));
        String[] down = register(url(downPath));
        String[] gone = register(url(gonePath));

        UUID story = UUID.randomUUID();
        String eventId = publish(story);

        // Two 503s, then 200: three calls, every one carrying the event's webhook-id.
        awaitCalls(flakyPath, eventId, 3);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + flaky[0] + "/deliveries")
                        .then()
                        .body(delivery(eventId) + ".status", equalTo("DELIVERED"))
                        .body(delivery(eventId) + ".attempts", equalTo(3)));
        assertEquals(3, calls(flakyPath, eventId).size(), "retries keep the webhook-id");

        awaitCalls(downPath, eventId, 3);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + down[0] + "/deliveries")
                        .then()
                        .body(delivery(eventId) + ".status", equalTo("FAILED"))
                        .body(delivery(eventId) + ".attempts", equalTo(3))
                        .body(delivery(eventId) + ".lastStatusCode", equalTo(500)));

        // The first call to the gone endpoint (this event's, or another run's on the shared broker) disables it.
        await().atMost(TIMEOUT)
                .until(() -> received.getOrDefault(gonePath, List.of()).size() >= 1);
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        admin().when().get("/api/webhooks/" + gone[0]).then().body("status", equalTo("DISABLED")));
        admin().when()
                .get("/api/webhooks/" + gone[0] + "/deliveries")
                .then()
                .body("find { it.lastStatusCode == 410 }.status", equalTo("FAILED"));

        // A failed delivery can be replayed by hand.
        String deliveryId = admin().when()
                .get("/api/webhooks/" + down[0] + "/deliveries")
                .then()
                .extract()
                .path(delivery(eventId) + ".id");
        admin().when()
                .post("/api/webhooks/" + down[0] + "/deliveries/" + deliveryId + "/redeliver")
                .then()
                .statusCode(202);
        awaitCalls(downPath, eventId, 4);

        // Nothing more is posted to a disabled endpoint: once a sentinel sent after it on the same partition has
        // reached the consumer, the event before it was handled, and it left no delivery to the disabled endpoint
        // (the only thing that could ever call it).
        String afterDisabling = publish(story);
        String sentinel = publish(story);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + down[0] + "/deliveries")
                        .then()
                        .body("eventId", hasItem(sentinel)));
        admin().when()
                .get("/api/webhooks/" + gone[0] + "/deliveries")
                .then()
                .body("eventId", not(hasItem(afterDisabling)));
        assertEquals(List.of(), calls(gonePath, afterDisabling));
        for (String[] endpoint : List.of(flaky, down, gone)) {
            admin().when().delete("/api/webhooks/" + endpoint[0]).then().statusCode(204);
        }
    }
}
