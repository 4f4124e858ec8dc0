package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/** {@code news.story.approved.v1}: a chief editor approved a story for publication. Keyed by {@code storyId}. */
public record StoryApproved(
        UUID storyId,
        UUID itemId,
        String headline,
        String summary,
        String byline,
        Attribution attribution,
        String approvedBy,
        Instant approvedAt) {

    public StoryApproved {
        Required.field(storyId, "storyId");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(approvedBy, "approvedBy");
        Required.field(approvedAt, "approvedAt");
    }
}
