package org.newsroom.events;

import java.time.Instant;
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
        Instant correctedAt) {

    public StoryCorrected {
        Required.field(storyId, "storyId");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(correctionNote, "correctionNote");
        Required.field(correctedBy, "correctedBy");
        Required.field(correctedAt, "correctedAt");
    }
}
