package org.newsroom.notify;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.notify.WebhookAdmin.admin;
import static org.newsroom.notify.WebhookAdmin.delete;
import static org.newsroom.notify.WebhookAdmin.register;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationRetracted;
import org.newsroom.events.PublicationUpdated;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.CloudEventRecordsExtension;

/**
 * The webhook sender under faults, with only {@value TwoSlots#SLOTS} calls allowed in flight so that losing them
 * shows at once: a claim the database refuses, endpoints that answer 200 and then drip their body forever, and a
 * story's publication that fails twice while its retraction is already due.
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@TestProfile(WebhookFaultsTest.TwoSlots.class)
class WebhookFaultsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static class TwoSlots implements QuarkusTestProfile {
        static final int SLOTS = 2;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.notify.webhooks.max-in-flight", String.valueOf(SLOTS));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MailSinkResource.class));
        }
    }

    @Inject
    DataSource database;

    private HttpServer server;
    private ExecutorService handlers;
    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;
    /** Per path, every call as "event type, status answered", in the order the calls arrived. */
    private final Map<String, List<String>> calls = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> publishedCalls = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /**
     * /drip: 200 at once, then one byte of body every 100 ms, never ending. /flaky-published: 500 to the first two
     * calls of each publication event. Anything else: 200.
     */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = body.substring("{\"type\":\"".length(), body.indexOf('"', "{\"type\":\"".length()));
        // Counted per event: other tests' events, on the shared topic, reach these endpoints too.
        String eventId = exchange.getRequestHeaders().getFirst("webhook-id");
        int status = path.startsWith("/flaky-published")
                        && type.equals(EventType.PUBLICATION_PUBLISHED.type())
                        && publishedCalls
                                        .computeIfAbsent(eventId, e -> new AtomicInteger())
                                        .incrementAndGet()
                                <= 2
                ? 500
                : 200;
        calls.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(type + " " + status + " " + body);
        if (path.startsWith("/drip")) {
            exchange.sendResponseHeaders(200, 0);
            drip(exchange.getResponseBody());
        } else {
            exchange.sendResponseHeaders(status, -1);
        }
        exchange.close();
    }

    private static void drip(OutputStream body) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                body.write('.');
                body.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // the caller hung up, or the test is over
        }
    }

    /** "type status" of the calls to the path about the publication, in arrival order. */
    private List<String> calls(String path, UUID about) {
        return calls.getOrDefault(path, List.of()).stream()
                .filter(c -> c.contains(about.toString()))
                .map(c -> c.substring(0, c.indexOf(' ', c.indexOf(' ') + 1)))
                .toList();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void send(UUID key, Object payload) {
        records.send(
                Topics.PUBLICATIONS,
                key.toString(),
                UUID.randomUUID().toString(),
                EventType.of(payload.getClass()).type(),
                EventCodec.encode(payload));
    }

    private static PublicationUpdated updated(UUID id) {
        return new PublicationUpdated(
                id,
                UUID.randomUUID(),
                "story-" + id,
                "https://news.example/p/" + id,
                "Corrected " + id,
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
                null);
    }

    private static PublicationRetracted retracted(UUID id) {
        return new PublicationRetracted(
                id,
                UUID.randomUUID(),
                "story-" + id,
                "https://news.example/p/" + id,
                "Webhook story " + id,
                "The source withdrew the report.",
                2,
                Instant.now());
    }

    @Test
    void aClaimTheDatabaseRefusesGivesItsSlotsBack() throws SQLException {
        String path = "/ok/" + UUID.randomUUID();
        String endpoint = register(url(path), "[]");
        UUID publicationId = UUID.randomUUID();

        refuseClaims();
        try {
            send(publicationId, WebhookAdmin.published(publicationId));
            // Had the first refused claim kept both slots, the sender would never have claimed again.
            await().atMost(TIMEOUT).until(() -> refusedClaims() >= 3);
        } finally {
            allowClaims();
        }

        await().atMost(TIMEOUT)
                .until(() ->
                        calls(path, publicationId).equals(List.of(EventType.PUBLICATION_PUBLISHED.type() + " 200")));
        delete(endpoint);
    }

    @Test
    void endpointsThatDripTheirAnswerHoldTheSlotsOnlyUntilTheDeadline() {
        String dripPath = "/drip/" + UUID.randomUUID();
        String[] drips = {
            register(url(dripPath + "/1"), "[\"news.publication.updated.v1\"]"),
            register(url(dripPath + "/2"), "[\"news.publication.updated.v1\"]")
        };
        UUID dripped = UUID.randomUUID();
        send(dripped, updated(dripped));
        await().atMost(TIMEOUT)
                .until(() -> calls(dripPath + "/1", dripped).size() == 1
                        && calls(dripPath + "/2", dripped).size() == 1);

        // Both slots are held by calls whose answer never ends; the next endpoint still gets its call.
        String okPath = "/ok/" + UUID.randomUUID();
        String ok = register(url(okPath), "[\"news.publication.published.v1\"]");
        UUID publicationId = UUID.randomUUID();
        send(publicationId, WebhookAdmin.published(publicationId));
        await().atMost(TIMEOUT).until(() -> !calls(okPath, publicationId).isEmpty());

        // Cut off at the deadline (2 s in tests), answer headers and all, and recorded as such.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + drips[0] + "/deliveries")
                        .then()
                        .body("[0].calls[0].statusCode", equalTo(null))
                        .body("[0].calls[0].error", containsString("timed out"))
                        .body("[0].calls[0].durationMs", lessThan(5_000)));
        delete(drips[0], drips[1], ok);
    }

    @Test
    void aStorysRetractionWaitsUntilItsPublicationWasDelivered() {
        String path = "/flaky-published/" + UUID.randomUUID();
        String endpoint = register(url(path), "[]");
        UUID publicationId = UUID.randomUUID();

        send(publicationId, WebhookAdmin.published(publicationId));
        send(publicationId, retracted(publicationId));

        String publishedType = EventType.PUBLICATION_PUBLISHED.type();
        String retractedType = EventType.PUBLICATION_RETRACTED.type();
        await().atMost(TIMEOUT).until(() -> calls(path, publicationId).contains(retractedType + " 200"));
        assertEquals(
                List.of(publishedType + " 500", publishedType + " 500", publishedType + " 200", retractedType + " 200"),
                calls(path, publicationId));
        delete(endpoint);
    }

    /** Every update of a webhook delivery, the claim's included, fails in the database, counted by a sequence. */
    private void refuseClaims() throws SQLException {
        execute("""
                CREATE SEQUENCE test_refused_claims;
                CREATE FUNCTION test_refuse_claim() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM nextval('test_refused_claims');
                    RAISE EXCEPTION 'webhook_delivery refuses updates (WebhookFaultsTest)';
                END $$;
                CREATE TRIGGER test_refuse_claim BEFORE UPDATE ON webhook_delivery
                    FOR EACH ROW EXECUTE FUNCTION test_refuse_claim();""");
    }

    private void allowClaims() throws SQLException {
        execute("""
                DROP TRIGGER test_refuse_claim ON webhook_delivery;
                DROP FUNCTION test_refuse_claim();
                DROP SEQUENCE test_refused_claims;""");
    }

    /** A sequence is not rolled back with the refused claim's transaction. */
    private long refusedClaims() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_refused_claims")) {
            count.next();
            return count.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
