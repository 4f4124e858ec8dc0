package org.newsroom.publish.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.events.Attribution;
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

    /** A story with every field a lead story can have. */
    public static StoryApproved approval(UUID storyId, String headline, List<String> sections, Instant embargo) {
        return new StoryApproved(storyId, UUID.randomUUID(), headline,
                "Talks broke off late.\n\nBoth sides blame the other.", "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org/ledger"), "chief@newsroom.local",
                Instant.now(), "Why it matters: <the summit> sets the tone.", sections,
                "<p>Negotiators left <em>before dawn</em>.</p><h2>What next</h2><p>Talks resume in May.</p>",
                "GENEVA", "https://images.example.org/summit.jpg", "Delegates leave the hall", "Photo: J. Doe",
                "© 2026 The Harbor Ledger. All rights reserved.", "A. Writer covers diplomacy.", embargo);
    }

    public static StoryCorrected correction(StoryApproved story, String headline, String note) {
        return new StoryCorrected(story.storyId(), story.itemId(), headline, "Corrected first paragraph.",
                story.byline(), story.attribution(), story.editorsNote(), note, "chief@newsroom.local", Instant.now(),
                story.sections(), "<p>Corrected body.</p>", story.dateline(), story.imageUrl(), story.imageCaption(),
                story.imageCredit(), story.rights(), story.authorBio());
    }

    public static StoryKilled kill(UUID storyId, String reason) {
        return new StoryKilled(storyId, reason, "chief@newsroom.local", Instant.now());
    }

    public void send(UUID storyId, String eventId, Object payload) {
        records.send(Topics.EDITORIAL, storyId.toString(), eventId, EventType.of(payload.getClass()).type(),
                EventCodec.encode(payload));
    }

    public void send(UUID storyId, Object payload) {
        send(storyId, UUID.randomUUID().toString(), payload);
    }

    public static Response awaitApi(String slug, int status) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/api/publications/" + slug), r -> r.statusCode() == status);
    }

    /** Events of one type about one story; the topic is shared with other tests and runs. */
    public static Predicate<ConsumerRecord<String, String>> event(EventType type, UUID storyId) {
        return r -> type.type().equals(TopicWatcher.header(r, "ce_type")) && r.value() != null
                && r.value().contains("\"storyId\":\"" + storyId + "\"");
    }

    /** Kafka delivers at least once: consumers count distinct {@code ce_id}s, and so do the tests. */
    public static Set<String> distinctIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TopicWatcher.header(r, "ce_id")).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        records.close();
    }
}
