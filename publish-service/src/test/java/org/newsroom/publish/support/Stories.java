package org.newsroom.publish.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.StoryKilled;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.TopicWatcher;

/** Editorial's side of the tests: approvals, corrections and kills on news.editorial, and what publish answers. */
public final class Stories implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final CloudEventRecords records = new CloudEventRecords();

    public static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** An edition's lead made of an approved story, as the desk would send it, with the edition's own note. */
    public static EditionLead lead(StoryApproved story, String editorsNote) {
        return new EditionLead(
                story.storyId(),
                story.headline(),
                story.summary(),
                story.byline(),
                story.attribution(),
                editorsNote,
                story.authorBio(),
                story.rights(),
                story.imageUrl(),
                story.imageCaption(),
                story.imageCredit());
    }

    /** A story with every field a lead story can have. */
    public static StoryApproved approval(UUID storyId, String headline, List<String> sections, Instant embargo) {
        return new StoryApproved(
                storyId,
                UUID.randomUUID(),
                headline,
                "Talks broke off late.\n\nBoth sides blame the other.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org/ledger"),
                "chief@newsroom.local",
                Instant.now(),
                "Why it matters: <the summit> sets the tone.",
                sections,
                "<p>Negotiators left <em>before dawn</em>.</p><h2>What next</h2><p>Talks resume in May.</p>",
                "GENEVA",
                "https://images.example.org/summit.jpg",
                "Delegates leave the hall",
                "Photo: J. Doe",
                "© 2026 The Harbor Ledger. All rights reserved.",
                "A. Writer covers diplomacy.",
                embargo);
    }

    public static StoryCorrected correction(StoryApproved story, String headline, String note) {
        return new StoryCorrected(
                story.storyId(),
                story.itemId(),
                headline,
                "Corrected first paragraph.",
                story.byline(),
                story.attribution(),
                story.editorsNote(),
                note,
                "chief@newsroom.local",
                Instant.now(),
                story.sections(),
                "<p>Corrected body.</p>",
                story.dateline(),
                story.imageUrl(),
                story.imageCaption(),
                story.imageCredit(),
                story.rights(),
                story.authorBio());
    }

    public static StoryKilled kill(UUID storyId, String reason) {
        return new StoryKilled(storyId, reason, "chief@newsroom.local", Instant.now());
    }

    public void send(UUID storyId, String eventId, Object payload) {
        records.send(
                Topics.EDITORIAL,
                storyId.toString(),
                eventId,
                EventType.of(payload.getClass()).type(),
                EventCodec.encode(payload));
    }

    public void send(UUID storyId, Object payload) {
        send(storyId, UUID.randomUUID().toString(), payload);
    }

    public static Response awaitApi(String slug, int status) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/api/publications/" + slug), r -> r.statusCode() == status);
    }

    /**
     * Proves that every record sent under {@code key} before now has been processed, without waiting a fixed time:
     * a key always lands on the same partition, whose records the consumer takes in order, so once the sentinel story
     * sent now under that key is public and announced, everything before it was applied.
     */
    public void awaitSentinel(UUID key, TopicWatcher publications) {
        String tag = tag();
        UUID sentinel = UUID.randomUUID();
        send(key, approval(sentinel, "Sentinel " + tag, List.of(), null));
        awaitApi("sentinel-" + tag, 200);
        publications.await(event(EventType.PUBLICATION_PUBLISHED, sentinel), WAIT);
    }

    /**
     * Events of one type about a story or edition (its id in the payload) that publish has committed to its outbox.
     * An event is written there in the transaction that processes its cause, so after a sentinel this is all publish
     * will ever announce for the records before it, whether the relay has sent it yet or not.
     */
    public static long announced(EventType type, UUID about) {
        return outboxRows("type = ?1 AND payload LIKE ?2", type.type(), "%" + about + "%");
    }

    /** Events of any type about a story or edition in the outbox; see {@link #announced(EventType, UUID)}. */
    public static long announced(UUID about) {
        return outboxRows("payload LIKE ?1", "%" + about + "%");
    }

    private static long outboxRows(String condition, Object... parameters) {
        EntityManager entityManager =
                Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery("SELECT count(*) FROM outbox_event WHERE " + condition);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Events of one type about one story; the topic is shared with other tests and runs. */
    public static Predicate<ConsumerRecord<String, String>> event(EventType type, UUID storyId) {
        return r -> type.type().equals(TopicWatcher.header(r, "ce_type"))
                && r.value() != null
                && r.value().contains("\"storyId\":\"" + storyId + "\"");
    }

    @Override
    public void close() {
        records.close();
    }
}
