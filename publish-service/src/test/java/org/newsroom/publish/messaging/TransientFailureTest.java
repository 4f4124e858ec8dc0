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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.publish.support.Metrics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.TopicWatcher;

/**
 * A valid event that meets a passing failure (here: its table is briefly gone, as in a botched migration or a
 * failover) is retried until it succeeds; it must not end in the dead-letter topic.
 */
@QuarkusTest
class TransientFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RETRIES = "newsroom_inbox_retries_total";

    @Inject
    EntityManager entityManager;

    private void rename(String from, String to) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("ALTER TABLE " + from + " RENAME TO " + to)
                        .executeUpdate());
    }

    @Test
    void validEventIsRetriedThroughAnOutageAndNotDeadLettered() {
        String headline = "Outage drill " + UUID.randomUUID();
        StoryApproved approval = new StoryApproved(
                UUID.randomUUID(),
                UUID.randomUUID(),
                headline,
                "Text.",
                "A. Writer",
                new Attribution("The Harbor Ledger", null),
                "chief@newsroom.local",
                Instant.now());
        String key = approval.storyId().toString();

        try (TopicWatcher dlq = TopicWatcher.open(Topics.deadLetter(Topics.EDITORIAL));
                CloudEventRecords records = new CloudEventRecords()) {
            double retriesBefore = Metrics.total(RETRIES);
            rename("publication", "publication_offline");
            try {
                records.send(Topics.EDITORIAL, key, EventType.STORY_APPROVED.type(), EventCodec.encode(approval));
                // Two failed attempts, each followed by a retry: the record met the outage and was not given up.
                await().atMost(WAIT).until(() -> Metrics.total(RETRIES) >= retriesBefore + 2);
            } finally {
                rename("publication_offline", "publication");
            }

            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> given().when()
                                    .get("/api/publications?limit=200")
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .<String>get("find { it.storyId == '" + key + "' }.headline"),
                            headline::equals);

            // A poison record after it on the same key is dead-lettered to the same partition, so once it is there,
            // anything of the approval's would be there before it.
            String sentinel = "not a cloud event " + UUID.randomUUID();
            records.sendRaw(Topics.EDITORIAL, key, sentinel);
            dlq.await(r -> sentinel.equals(r.value()), WAIT);
            assertEquals(
                    List.of(),
                    dlq.drain(r -> key.equals(r.key()) && !sentinel.equals(r.value()), Duration.ZERO),
                    "a transient failure must not dead-letter a valid event");
        }
    }
}
