package org.newsroom.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With no broker to talk to, the service stays ready (what it serves needs only its database), readiness says that
 * Kafka does not acknowledge, and the event waits in the outbox, released for the next attempt.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.NoBroker.class)
class BrokerOutageTest {

    public static class NoBroker implements QuarkusTestProfile {
        /** On the channel itself: the launcher's KAFKA_BOOTSTRAP_SERVERS would outrank a global kafka.* override. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.outbox.bootstrap.servers",
                    "127.0.0.1:1",
                    "newsroom.outbox.send-timeout",
                    "3s",
                    "mp.messaging.outgoing.outbox.max.block.ms",
                    "2000");
        }
    }

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @Test
    void theServiceStaysReadyAndTheEventWaitsInTheOutbox() {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.type = "test.event.v1";
        event.topic = "outbox-test-no-broker";
        event.aggregateId = "story-1";
        event.payload = "{}";
        event.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> entityManager.persist(event));

        assertFalse(relay.relayBatch());

        OutboxEvent after =
                QuarkusTransaction.requiringNew().call(() -> entityManager.find(OutboxEvent.class, event.id));
        assertNull(after.sentAt);
        assertNull(after.parkedAt, "a broker outage is not a reason to give up on a row");
        assertNull(after.claimedUntil, "released for the next attempt");
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", hasItem("Outbox"))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.find { it.name == 'Outbox' }.data.kafka", startsWith("not acknowledging"));
    }
}
