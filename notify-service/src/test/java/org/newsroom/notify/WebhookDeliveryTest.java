package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.notify.WebhookAdmin.admin;
import static org.newsroom.notify.WebhookAdmin.delete;
import static org.newsroom.notify.WebhookAdmin.register;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.Attribution;
import org.newsroom.events.DeliveryFailed;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationRetracted;
import org.newsroom.events.PublicationUpdated;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;
import org.newsroom.testing.ManagementPort;
import org.newsroom.testing.TopicWatcher;

/**
 * Webhook dead letters, every publish event type, and slow endpoints, against a real HTTP receiver that answers
 * each request on its own thread.
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class WebhookDeliveryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private HttpServer server;
    private ExecutorService handlers;
    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    private final Map<String, List<String>> bodies = new ConcurrentHashMap<>();
    private final AtomicBoolean downIsBack = new AtomicBoolean();
    private final CountDownLatch slowRelease = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            bodies.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = 200;
            if (path.startsWith("/down")) {
                status = downIsBack.get() ? 200 : 500;
            } else if (path.startsWith("/slow")) {
                hold(slowRelease);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        slowRelease.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** @return the event id: the topic is shared with other tests, whose events reach these endpoints too */
    private String send(UUID key, Object payload) {
        String eventId = UUID.randomUUID().toString();
        records.send(
                Topics.PUBLICATIONS,
                key.toString(),
                eventId,
                EventType.of(payload.getClass()).type(),
                EventCodec.encode(payload));
        return eventId;
    }

    private static String of(String eventId) {
        return "find { it.eventId == '" + eventId + "' }";
    }

    private List<String> bodies(String path, UUID about) {
        return bodies.getOrDefault(path, List.of()).stream()
                .filter(b -> b.contains(about.toString()))
                .toList();
    }

    @Test
    void exhaustedDeliveryIsDeadLetteredWithItsCallsAnnouncedAndReplayable() {
        String path = "/down/" + UUID.randomUUID();
        String endpoint = register(url(path), "[]");
        UUID publicationId = UUID.randomUUID();

        try (TopicWatcher deliveries = TopicWatcher.open(Topics.DELIVERIES)) {
            String eventId = send(publicationId, WebhookAdmin.published(publicationId));

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> admin().queryParam("status", "FAILED")
                            .when()
                            .get("/api/webhooks/" + endpoint + "/deliveries")
                            .then()
                            .statusCode(200)
                            .body(of(eventId) + ".attempts", equalTo(3))
                            .body(of(eventId) + ".calls", hasSize(3))
                            .body(of(eventId) + ".calls.statusCode", equalTo(List.of(500, 500, 500)))
                            .body(of(eventId) + ".calls.attempt", equalTo(List.of(1, 2, 3))));
            admin().queryParam("status", "DELIVERED")
                    .when()
                    .get("/api/webhooks/" + endpoint + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("", hasSize(0));
            String deliveryId = admin().when()
                    .get("/api/webhooks/" + endpoint + "/deliveries")
                    .then()
                    .extract()
                    .path(of(eventId) + ".id");

            ConsumerRecord<String, String> record = deliveries.await(r -> deliveryId.equals(r.key()), TIMEOUT);
            assertEquals(EventType.DELIVERY_FAILED.type(), TopicWatcher.header(record, "ce_type"));
            DeliveryFailed failed = EventCodec.decode(record.value(), DeliveryFailed.class);
            assertEquals("webhook", failed.channel());
            assertEquals(publicationId, failed.publicationId());
            assertNull(failed.editionId(), "a publication's event, not an edition's");
            assertEquals(UUID.fromString(endpoint), failed.subscriberId(), "the webhook channel's recipient");
            assertEquals(3, failed.attempts());
            assertEquals("HTTP 500", failed.reason());

            downIsBack.set(true);
            admin().when()
                    .post("/api/webhooks/" + endpoint + "/deliveries/" + deliveryId + "/redeliver")
                    .then()
                    .statusCode(202);
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> admin().when()
                            .get("/api/webhooks/" + endpoint + "/deliveries")
                            .then()
                            .body(of(eventId) + ".status", equalTo("DELIVERED"))
                            .body(of(eventId) + ".calls.statusCode", equalTo(List.of(500, 500, 500, 200))));
        }
        admin().queryParam("status", "LOST")
                .when()
                .get("/api/webhooks/" + endpoint + "/deliveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        String metrics = given().baseUri(ManagementPort.url())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                SmtpFailuresTest.metric(metrics, "newsroom_notify_webhook_deliveries_total{outcome=\"failed\"") >= 1,
                metrics);
        assertTrue(
                SmtpFailuresTest.metric(metrics, "newsroom_notify_webhook_deliveries_total{outcome=\"retried\"") >= 2,
                metrics);
        assertTrue(
                SmtpFailuresTest.metric(metrics, "newsroom_notify_webhook_deliveries_total{outcome=\"delivered\"") >= 1,
                metrics);
        delete(endpoint);
    }

    @Test
    void everyPublishEventTypeGoesToTheEndpointsThatWantIt() {
        String allPath = "/all/" + UUID.randomUUID();
        String retractionsPath = "/retractions/" + UUID.randomUUID();
        String all = register(url(allPath), "[]");
        String retractions = register(url(retractionsPath), "[\"news.publication.retracted.v1\"]");
        UUID publicationId = UUID.randomUUID();
        UUID editionId = UUID.randomUUID();

        String publishedEvent = send(publicationId, WebhookAdmin.published(publicationId));
        String updatedEvent = send(
                publicationId,
                new PublicationUpdated(
                        publicationId,
                        UUID.randomUUID(),
                        "story",
                        "https://news.example/p",
                        "Corrected headline",
                        "Summary.",
                        null,
                        new Attribution("The Harbor Ledger", null),
                        2,
                        Instant.now(),
                        Instant.now(),
                        "An earlier version misstated the date.",
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        String retractedEvent = send(
                publicationId,
                new PublicationRetracted(
                        publicationId,
                        UUID.randomUUID(),
                        "story",
                        "https://news.example/p",
                        "Corrected headline",
                        "The source withdrew the report.",
                        3,
                        Instant.now()));
        String editionEvent = send(
                editionId,
                new EditionPublished(
                        editionId,
                        "https://news.example/editions/" + editionId,
                        "Edition",
                        LocalDate.of(2026, 11, 25),
                        new EditionLead(UUID.randomUUID(), "Lead", null, null, new Attribution("Outlet", null), null),
                        List.of(),
                        List.of(),
                        Instant.now()));

        await().atMost(TIMEOUT)
                .until(() -> bodies(allPath, publicationId).size() >= 3
                        && !bodies(allPath, editionId).isEmpty()
                        && !bodies(retractionsPath, publicationId).isEmpty());
        List<String> types = Stream.concat(bodies(allPath, publicationId).stream(), bodies(allPath, editionId).stream())
                .map(body -> body.substring(0, body.indexOf(",")))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "{\"type\":\"news.edition.published.v1\"",
                        "{\"type\":\"news.publication.published.v1\"",
                        "{\"type\":\"news.publication.retracted.v1\"",
                        "{\"type\":\"news.publication.updated.v1\""),
                types);
        // All four handled (each reached the catch-all endpoint): the retractions endpoint has a delivery of the
        // retraction only, sent once, and nothing else will ever be sent to it.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + retractions + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body(of(retractedEvent) + ".status", equalTo("DELIVERED"))
                        .body(of(retractedEvent) + ".attempts", equalTo(1)));
        admin().when()
                .get("/api/webhooks/" + retractions + "/deliveries")
                .then()
                .body("eventId", not(hasItem(publishedEvent)))
                .body("eventId", not(hasItem(updatedEvent)))
                .body("eventId", not(hasItem(editionEvent)));
        List<String> retracted = bodies(retractionsPath, publicationId);
        assertEquals(1, retracted.size());
        assertTrue(retracted.get(0).contains("The source withdrew the report."), retracted.get(0));
        assertEquals(List.of(), bodies(retractionsPath, editionId));
        delete(all, retractions);
    }

    @Test
    void aSlowEndpointDoesNotHoldUpTheOthers() {
        String slowPath = "/slow/" + UUID.randomUUID();
        String fastPath = "/fast/" + UUID.randomUUID();
        String slow = register(url(slowPath), "[]");
        String fast = register(url(fastPath), "[]");
        UUID publicationId = UUID.randomUUID();

        String eventId = send(publicationId, WebhookAdmin.published(publicationId));

        // The fast delivery is recorded while the slow call still hangs (not even its timeout has been recorded).
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + fast + "/deliveries")
                        .then()
                        .body(of(eventId) + ".status", equalTo("DELIVERED")));
        Integer slowAttempts = admin().when()
                .get("/api/webhooks/" + slow + "/deliveries")
                .then()
                .extract()
                .path(of(eventId) + ".attempts");
        assertEquals(0, slowAttempts);
        assertEquals(1, bodies(slowPath, publicationId).size());

        // The slow call is cut off by the short timeout (2s in tests) and recorded as such.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + slow + "/deliveries")
                        .then()
                        .body(of(eventId) + ".calls[0].statusCode", equalTo(null))
                        .body(of(eventId) + ".calls[0].error", containsString("timed out")));
        delete(slow, fast);
    }
}
