package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
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

/**
 * The SSRF guard at call time: an endpoint whose host leads to an internal address when it is called (it resolved to
 * a public one when it was registered, say) gets no call, and its delivery status, which partner admins read, says
 * "refused: internal address" without the address. Only 127.0.0.1 is allow-listed in the tests.
 */
@QuarkusTest
@ExtendWith(CloudEventRecordsExtension.class)
@WithTestResource(MailSinkResource.class)
class WebhookGuardTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String REFUSED = "RefusedAddressException: refused: internal address";

    @Inject
    DataSource database;

    private HttpServer server;
    /** One producer per class, closed after its last test (testing's CloudEventRecordsExtension). */
    CloudEventRecords records;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> endpoints = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            if (path.startsWith("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://localhost:" + port() + "/hook");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        endpoints.forEach(
                id -> admin().when().delete("/api/webhooks/" + id).then().statusCode(204));
        server.stop(0);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token("partner-admin", "admin"));
    }

    private int port() {
        return server.getAddress().getPort();
    }

    /** An endpoint as registration left it, before its host's address changed. */
    private String endpoint(String url) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO webhook_endpoint (id, url, secret, event_types, status, created_at)
                VALUES (?, ?, 'whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS1ndWFyZA==', ?, 'ACTIVE', now())""")) {
            insert.setObject(1, id);
            insert.setString(2, url);
            insert.setString(3, EventType.PUBLICATION_PUBLISHED.type());
            insert.executeUpdate();
        }
        endpoints.add(id.toString());
        return id.toString();
    }

    private void publish() {
        UUID id = UUID.randomUUID();
        PublicationPublished publication = new PublicationPublished(
                id,
                UUID.randomUUID(),
                "story-" + id,
                "https://news.example/p/" + id,
                "Guarded story " + id,
                "Summary.",
                null,
                new Attribution("The Harbor Ledger", null),
                1,
                Instant.now());
        records.send(
                Topics.PUBLICATIONS,
                id.toString(),
                UUID.randomUUID().toString(),
                EventType.PUBLICATION_PUBLISHED.type(),
                EventCodec.encode(publication));
    }

    @Test
    void aCallToAnInternalAddressIsRefusedAndItsStatusNamesNoAddress() throws SQLException {
        List<String> refused = List.of(
                endpoint("http://localhost:" + port() + "/hook"),
                endpoint("http://[::ffff:127.0.0.1]:" + port() + "/hook"),
                endpoint("http://[::1]:" + port() + "/hook"),
                endpoint("http://169.254.169.254/latest/meta-data/"));
        String allowed = endpoint("http://127.0.0.1:" + port() + "/hook");
        publish();

        // The allowed endpoint's call is the sentinel that the event was sent to every endpoint.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + allowed + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("status", hasItem("DELIVERED")));
        for (String id : refused) {
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> admin().when()
                            .get("/api/webhooks/" + id + "/deliveries")
                            .then()
                            .statusCode(200)
                            .body("[0].calls[0].statusCode", equalTo(null))
                            .body("[0].calls[0].error", equalTo(REFUSED))
                            .body("[0].lastError", equalTo(REFUSED)));
        }
        assertTrue(requests.stream().allMatch("/hook"::equals), "only the allowed endpoint was called: " + requests);
    }

    @Test
    void redirectsAreNotFollowed() throws SQLException {
        String redirecting = endpoint("http://127.0.0.1:" + port() + "/redirect");
        publish();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> admin().when()
                        .get("/api/webhooks/" + redirecting + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("[0].calls[0].statusCode", equalTo(302)));
        assertTrue(requests.stream().allMatch("/redirect"::equals), "the redirect was not followed: " + requests);
    }
}
