package org.newsroom.events;

import java.util.UUID;

/** The lead story of an edition, with the editor's note that frames it. */
public record EditionLead(UUID storyId, String headline, String summary, String byline, Attribution attribution,
        String editorsNote) {

    public EditionLead {
        Required.field(storyId, "lead.storyId");
        Required.field(headline, "lead.headline");
        Required.field(attribution, "lead.attribution");
    }
}
