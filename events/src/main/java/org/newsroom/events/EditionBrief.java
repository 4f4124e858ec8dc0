package org.newsroom.events;

import java.util.List;
import java.util.UUID;

/** One numbered brief ("Take") of an edition: headline, one to three paragraphs, "— Outlet". */
public record EditionBrief(
        Integer number, UUID storyId, String headline, List<String> paragraphs, Attribution attribution) {

    public EditionBrief {
        Required.field(number, "briefs[].number");
        Required.field(storyId, "briefs[].storyId");
        Required.field(headline, "briefs[].headline");
        Required.field(attribution, "briefs[].attribution");
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }
}
