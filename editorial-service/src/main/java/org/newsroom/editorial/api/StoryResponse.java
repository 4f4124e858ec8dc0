package org.newsroom.editorial.api;

import java.time.Instant;
import java.util.UUID;
import org.newsroom.editorial.domain.Story;
import org.newsroom.editorial.domain.StoryStatus;

public record StoryResponse(UUID id, UUID itemId, String source, String url, String headline, String summary,
        String byline, String outlet, String outletUrl, StoryStatus status, long version, Instant createdAt,
        Instant approvedAt, String approvedBy) {

    static StoryResponse of(Story story) {
        return new StoryResponse(story.id, story.itemId, story.source, story.url, story.headline, story.summary,
                story.byline, story.outlet, story.outletUrl, story.status, story.version, story.createdAt,
                story.approvedAt, story.approvedBy);
    }
}
