package org.newsroom.publish.domain;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.Topics;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.TopicWatcher;

/**
 * The schedule lives in the database: a row left due by a process that stopped before its time (a restart) is
 * published by the next one, and replicas racing for it (here: the scheduler and two more callers) publish it once.
 */
@QuarkusTest
class PublishingScheduleTest {

    @Inject
    EntityManager entityManager;

    @Inject
    Publishing publishing;

    @Inject
    EditionPublishing editions;

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = entityManager.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private static void race(Runnable publishDue) {
        CompletableFuture.allOf(CompletableFuture.runAsync(publishDue), CompletableFuture.runAsync(publishDue))
                .join();
    }

    @Test
    void embargoLeftDueBeforeARestartIsPublishedOnce() {
        String tag = Stories.tag();
        UUID id = UUID.randomUUID();
        UUID storyId = UUID.randomUUID();
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            sql("""
                    INSERT INTO publication (id, story_id, slug, headline, outlet, version, status, embargoed_until)
                    VALUES (?1, ?2, ?3, ?4, 'Wire Desk', 1, 'EMBARGOED', ?5)""", id, storyId, "held-" + tag, "Held " + tag, Instant.now().minusSeconds(1));
            race(publishing::releaseDue);

            publications.await(Stories.event(EventType.PUBLICATION_PUBLISHED, storyId), Stories.WAIT);
            assertEquals(1, Stories.announced(EventType.PUBLICATION_PUBLISHED, storyId), "the race has one winner");
            given().when().get("/api/publications/held-" + tag).then().statusCode(200);
        }
    }

    @Test
    void scheduledEditionLeftDueBeforeARestartIsPublishedOnce() {
        UUID id = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        String tag = Stories.tag();
        LocalDate date =
                LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        EditionApproved approval = new EditionApproved(
                id,
                "Restart Brief",
                date,
                new EditionLead(leadId, "Lead", "Text.", null, new Attribution("Wire Desk", null), null),
                List.of(),
                List.of(),
                Instant.now().minusSeconds(1),
                "chief@newsroom.local",
                Instant.now());
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            stories.send(leadId, Stories.approval(leadId, "Restart lead " + tag, List.of(), null));
            Stories.awaitApi("restart-lead-" + tag, 200);
            sql("""
                    INSERT INTO edition (id, slug, title, edition_date, snapshot, status, publish_at, story_ids)
                    VALUES (?1, ?2, 'Restart Brief', ?3, ?4, 'SCHEDULED', ?5, CAST(?6 AS UUID[]))""", id, date.toString(), date, EventCodec.encode(approval), approval.publishAt(), "{" + leadId + "}");
            race(editions::publishDue);

            Predicate<ConsumerRecord<String, String>> ours = r -> id.toString().equals(r.key())
                    && EventType.EDITION_PUBLISHED.type().equals(TopicWatcher.header(r, "ce_type"));
            publications.await(ours, Stories.WAIT);
            assertEquals(1, Stories.announced(EventType.EDITION_PUBLISHED, id), "the race has one winner");
            given().when().get("/api/editions/" + date).then().statusCode(200);
        }
    }
}
