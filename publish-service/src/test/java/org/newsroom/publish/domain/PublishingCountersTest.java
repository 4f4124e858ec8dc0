package org.newsroom.publish.domain;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EventType;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.publish.support.Metrics;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.TopicWatcher;

/**
 * Publications published, updated, retracted and editions published are counted in /q/metrics, each exactly once:
 * a counter moves by exactly as many as the events of its kind publish announces. The broker is shared, so other
 * approvals may be published meanwhile; the counters are therefore held against the outbox, not fixed numbers.
 */
@QuarkusTest
class PublishingCountersTest {
    private static final Map<String, EventType> COUNTED = Map.of(
            "newsroom_publications_published_total", EventType.PUBLICATION_PUBLISHED,
            "newsroom_publications_updated_total", EventType.PUBLICATION_UPDATED,
            "newsroom_publications_retracted_total", EventType.PUBLICATION_RETRACTED,
            "newsroom_editions_published_total", EventType.EDITION_PUBLISHED);

    @Inject
    EntityManager entityManager;

    /** Each counter minus the events of its kind in the outbox: constant as long as every event is counted once. */
    private Map<String, Double> uncounted() {
        String metrics = Metrics.scrape();
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("SELECT type, count(*) FROM outbox_event GROUP BY type")
                        .getResultList());
        Map<String, Long> announced = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            announced.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        Map<String, Double> difference = new HashMap<>();
        COUNTED.forEach((counter, type) ->
                difference.put(counter, Metrics.total(metrics, counter) - announced.getOrDefault(type.type(), 0L)));
        return difference;
    }

    /** A counter moves just after its transaction commits: read until two readings agree. */
    private Map<String, Double> settledUncounted() {
        AtomicReference<Map<String, Double>> previous = new AtomicReference<>(uncounted());
        await().atMost(Stories.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, Double> now = uncounted();
            return now.equals(previous.getAndSet(now));
        });
        return previous.get();
    }

    @Test
    void everyPublishingOutcomeIsCountedOnce() {
        Map<String, Double> before = settledUncounted();
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        StoryApproved story = Stories.approval(storyId, "Counted " + tag, List.of(), null);
        UUID editionId = UUID.randomUUID();
        LocalDate date =
                LocalDate.of(2080, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        try (Stories stories = new Stories();
                TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            stories.send(storyId, story);
            stories.send(storyId, Stories.correction(story, "Counted " + tag, "A fix."));
            stories.send(storyId, Stories.kill(storyId, "Withdrawn."));
            stories.send(
                    storyId,
                    new EditionApproved(
                            editionId,
                            "Counted Brief",
                            date,
                            new EditionLead(storyId, "Lead", "Text.", null, new Attribution("Wire Desk", null), null),
                            List.of(),
                            List.of(),
                            null,
                            "chief@newsroom.local",
                            Instant.now()));
            stories.awaitSentinel(storyId, publications);
        }
        for (EventType type : List.of(
                EventType.PUBLICATION_PUBLISHED, EventType.PUBLICATION_UPDATED, EventType.PUBLICATION_RETRACTED)) {
            assertEquals(1, Stories.announced(type, storyId), type.type());
        }
        assertEquals(1, Stories.announced(EventType.EDITION_PUBLISHED, editionId));
        await().atMost(Stories.WAIT)
                .untilAsserted(() ->
                        assertEquals(before, uncounted(), "every counter moved by exactly the events of its kind"));
    }
}
