package org.newsroom.events;

import java.time.Instant;
import java.util.List;
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
        Instant approvedAt,
        String editorsNote,
        List<String> sections,
        String bodyHtml,
        String dateline,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights,
        String authorBio,
        Instant embargoedUntil)
        implements StoryCopy {

    public StoryApproved {
        Required.field(storyId, "storyId");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(approvedBy, "approvedBy");
        Required.field(approvedAt, "approvedAt");
    }

    /** The shape before editorsNote, sections, bodyHtml, dateline, imageUrl, imageCaption, imageCredit, rights, authorBio, embargoedUntil were added, kept so that earlier producers still compile. */
    public StoryApproved(
            UUID storyId,
            UUID itemId,
            String headline,
            String summary,
            String byline,
            Attribution attribution,
            String approvedBy,
            Instant approvedAt) {
        this(
                storyId,
                itemId,
                headline,
                summary,
                byline,
                attribution,
                approvedBy,
                approvedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
