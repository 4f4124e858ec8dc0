package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code news.story.killed.v1}: a chief editor retracted a published story; consumers take it down and show the
 * reason. Keyed by {@code storyId}.
 */
public record StoryKilled(UUID storyId, String reason, String killedBy, Instant killedAt) {

    public StoryKilled {
        Required.field(storyId, "storyId");
        Required.field(reason, "reason");
        Required.field(killedBy, "killedBy");
        Required.field(killedAt, "killedAt");
    }
}
