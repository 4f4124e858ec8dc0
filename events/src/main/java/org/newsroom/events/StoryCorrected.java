package org.newsroom.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code news.story.corrected.v1}: a chief editor corrected a published story. Carries the corrected copy in full
 * (a self-contained snapshot) and the correction note readers are shown. Keyed by {@code storyId}.
 */
public record StoryCorrected(
        UUID storyId,
        UUID itemId,
        String headline,
        String summary,
        String byline,
        Attribution attribution,
        String editorsNote,
        String correctionNote,
        String correctedBy,
        Instant correctedAt,
        List<String> sections,
        String bodyHtml,
        String dateline,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights,
        String authorBio)
        implements StoryCopy {

    public StoryCorrected {
        Required.field(storyId, "storyId");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(correctionNote, "correctionNote");
        Required.field(correctedBy, "correctedBy");
        Required.field(correctedAt, "correctedAt");
    }

    /** The shape before sections, bodyHtml, dateline, imageUrl, imageCaption, imageCredit, rights, authorBio were added, kept so that earlier producers still compile. */
    public StoryCorrected(
            UUID storyId,
            UUID itemId,
            String headline,
            String summary,
            String byline,
            Attribution attribution,
            String editorsNote,
            String correctionNote,
            String correctedBy,
            Instant correctedAt) {
        this(
                storyId,
                itemId,
                headline,
                summary,
                byline,
                attribution,
                editorsNote,
                correctionNote,
                correctedBy,
                correctedAt,
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
