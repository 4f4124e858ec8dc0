package org.newsroom.publish.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.TopicWatcher;

/**
 * A valid event that meets a passing failure (here: its table is briefly gone, as in a botched migration or a
 * failover) is retried until it succeeds; it must not end in the dead-letter topic.
 */
@QuarkusTest
class TransientFailureTest {

    @Inject
    EntityManager entityManager;

    private void rename(String from, String to) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("ALTER TABLE " + from + " RENAME TO " + to).executeUpdate());
    }

    @Test
    void validEventIsRetriedThroughAnOutageAndNotDeadLettered() throws InterruptedException {
        String headline = "Outage drill " + UUID.randomUUID();
        StoryApproved approval = new StoryApproved(UUID.randomUUID(), UUID.randomUUID(), headline, "Text.",
                "A. Writer", new Attribution("The Harbor Ledger", null), "chief@newsroom.local", Instant.now());
        String key = approval.storyId().toString();

        try (TopicWatcher dlq = TopicWatcher.open(Topics.deadLetter(Topics.EDITORIAL));
                CloudEventRecords records = new CloudEventRecords()) {
            rename("publication", "publication_offline");
            try {
                records.send(Topics.EDITORIAL, key, EventType.STORY_APPROVED.type(), EventCodec.encode(approval));
                Thread.sleep(3000);
            } finally {
                rename("publication_offline", "publication");
            }

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                    () -> given().when().get("/api/publications?limit=200").then().extract().jsonPath()
                            .<String>get("find { it.storyId == '" + key + "' }.headline"),
                    headline::equals);
            assertEquals(0, dlq.drain(r -> key.equals(r.key()), Duration.ofSeconds(2)).size(),
                    "a transient failure must not dead-letter a valid event");
        }
    }
}
