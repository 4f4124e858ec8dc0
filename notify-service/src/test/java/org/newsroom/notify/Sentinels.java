package org.newsroom.notify;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;

/**
 * Proof that nothing happened, without waiting for it not to: a sentinel record sent after the record under test,
 * with the same key (so on the same partition, behind it). Once this service has taken the sentinel in, it has
 * handled every record before it, and whatever those left to do (delivery rows, webhook calls) is in the database.
 */
final class Sentinels {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Sentinels() {}

    /**
     * Sends a publication in no section (so mailed to nobody) keyed {@code key} and waits until its delivery summary
     * exists, which it does from the moment its record was handled.
     */
    static void awaitHandledUpTo(CloudEventRecords records, String key) {
        UUID id = UUID.randomUUID();
        PublicationPublished sentinel = new PublicationPublished(
                id,
                UUID.randomUUID(),
                "sentinel-" + id,
                "https://news.example/p/" + id,
                "Sentinel " + id,
                "Summary.",
                null,
                new Attribution("The Harbor Ledger", null),
                1,
                Instant.now());
        records.send(
                Topics.PUBLICATIONS,
                key,
                UUID.randomUUID().toString(),
                EventType.PUBLICATION_PUBLISHED.type(),
                EventCodec.encode(sentinel));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> WebhookAdmin.admin()
                        .when()
                        .get("/api/publications/" + id + "/deliveries")
                        .then()
                        .statusCode(200));
    }
}
