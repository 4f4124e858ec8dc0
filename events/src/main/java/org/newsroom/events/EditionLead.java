package org.newsroom.events;

import java.util.UUID;

/**
 * The lead story of an edition (typically a syndicated op-ed), with the editor's note that frames it, its author's
 * bio, its copyright line and its image.
 */
public record EditionLead(
        UUID storyId,
        String headline,
        String summary,
        String byline,
        Attribution attribution,
        String editorsNote,
        String authorBio,
        String rights,
        String imageUrl,
        String imageCaption,
        String imageCredit) {

    public EditionLead {
        Required.field(storyId, "lead.storyId");
        Required.field(headline, "lead.headline");
        Required.field(attribution, "lead.attribution");
    }

    /**
     * The shape before authorBio, rights, imageUrl, imageCaption, imageCredit were added, kept so that earlier
     * producers still compile.
     */
    public EditionLead(
            UUID storyId, String headline, String summary, String byline, Attribution attribution, String editorsNote) {
        this(storyId, headline, summary, byline, attribution, editorsNote, null, null, null, null, null);
    }
}
