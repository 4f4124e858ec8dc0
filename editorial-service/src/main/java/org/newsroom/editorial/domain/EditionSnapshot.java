package org.newsroom.editorial.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;

/**
 * The self-contained snapshot of an edition frozen at approval (lead story with its editor's note, author bio,
 * rights line and image; numbered briefs with headline, summary paragraphs and attribution): the payload of
 * {@code news.edition.approved.v1}.
 */
final class EditionSnapshot {
    private EditionSnapshot() {}

    static EditionApproved of(Edition e) {
        return of(e.id, EditionDesk.draft(e), e.publishAt, e.approvedBy, e.approvedAt);
    }

    /** What approving the draft now would announce: the desk measures it before composing as well. */
    static EditionApproved of(
            UUID editionId, EditionDraft draft, Instant publishAt, String approvedBy, Instant approvedAt) {
        Story lead = Story.findById(draft.leadStory());
        List<EditionBrief> briefs = new ArrayList<>();
        int number = 1;
        for (UUID id : draft.briefs()) {
            Story s = Story.findById(id);
            briefs.add(new EditionBrief(
                    number++, s.id, s.headline, paragraphs(s.summary), new Attribution(s.outlet, s.outletUrl)));
        }
        return new EditionApproved(
                editionId,
                draft.title(),
                draft.date(),
                lead(lead, draft.leadNote()),
                briefs,
                draft.sections(),
                publishAt,
                approvedBy,
                approvedAt);
    }

    private static EditionLead lead(Story s, String note) {
        return new EditionLead(
                s.id,
                s.headline,
                s.summary,
                s.byline,
                new Attribution(s.outlet, s.outletUrl),
                note,
                s.authorBio,
                s.rights,
                s.imageUrl,
                s.imageCaption,
                s.imageCredit);
    }

    private static List<String> paragraphs(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R\\s*\\R"))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
    }
}
