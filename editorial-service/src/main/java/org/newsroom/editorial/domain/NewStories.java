package org.newsroom.editorial.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stories as they arrive, for the desks that are open: one look at the database every {@link #EVERY} per replica
 * while at least one desk listens, shared by all of them, never one per desk. Each replica looks at the table, not
 * at what its own consumer made, so a desk sees the stories every replica makes. A look goes {@link #OVERLAP} back
 * because a story's creation time is taken before its transaction commits; what was announced already is not
 * announced again.
 */
@ApplicationScoped
public class NewStories {
    static final Duration EVERY = Duration.ofSeconds(2);
    static final Duration OVERLAP = Duration.ofSeconds(30);

    /** What a desk is told of a new story. */
    public record Arrival(UUID id, String headline, String source, StoryStatus status, Instant createdAt) {}

    private final Map<UUID, Instant> announced = new LinkedHashMap<>();
    private Instant since = Instant.now();

    private final Multi<Arrival> arrivals = Multi.createFrom()
            .ticks()
            .every(EVERY)
            .onOverflow()
            .drop()
            .emitOn(Infrastructure.getDefaultWorkerPool())
            .onItem()
            .transformToIterable(tick -> look())
            .broadcast()
            .withCancellationAfterLastSubscriberDeparture()
            .toAllSubscribers();

    public Multi<Arrival> arrivals() {
        return arrivals;
    }

    private synchronized List<Arrival> look() {
        Instant recent = Instant.now().minus(OVERLAP);
        // A desk that opens after a quiet hour is told of the last moments, not of the hour.
        Instant from = (since.isAfter(recent) ? since : recent).minus(OVERLAP);
        List<Story> stories = QuarkusTransaction.requiringNew()
                .call(() -> Story.<Story>list("createdAt > ?1 order by createdAt, id", from));
        List<Arrival> fresh = new ArrayList<>();
        for (Story story : stories) {
            if (announced.putIfAbsent(story.id, story.createdAt) == null) {
                fresh.add(new Arrival(story.id, story.headline, story.source, story.status, story.createdAt));
            }
            if (story.createdAt.isAfter(since)) {
                since = story.createdAt;
            }
        }
        announced.values().removeIf(created -> created.isBefore(from));
        return fresh;
    }
}
