package org.newsroom.editorial.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.newsroom.editorial.domain.Edition;
import org.newsroom.editorial.domain.Story;
import org.newsroom.events.EditionApproved;

/**
 * An edition with the current copy of its stories (the lead with its editor's note, then the numbered briefs) and,
 * once approved, the snapshot frozen at approval.
 */
public record EditionResponse(
        UUID id,
        String title,
        LocalDate date,
        Edition.Status status,
        Lead lead,
        List<Brief> briefs,
        List<String> sections,
        Instant publishAt,
        Instant approvedAt,
        String approvedBy,
        long version,
        String etag,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        EditionApproved approvedSnapshot) {

    /** The lead story and the editor's note that frames it. */
    public record Lead(
            UUID storyId,
            String headline,
            List<String> summaryParagraphs,
            String byline,
            String outlet,
            String outletUrl,
            String editorsNote,
            String storyEditorsNote) {}

    /** One numbered brief ("Take"): headline, 1–3 summary paragraphs, attribution. */
    public record Brief(
            int number,
            UUID storyId,
            String headline,
            List<String> summaryParagraphs,
            String outlet,
            String outletUrl) {}

    static EditionResponse of(Edition e) {
        Story lead = Story.findById(e.leadStory);
        List<Brief> briefs = new ArrayList<>();
        int number = 1;
        for (UUID id : e.briefList()) {
            Story s = Story.findById(id);
            briefs.add(new Brief(number++, id, s.headline, StoryFields.paragraphs(s.summary), s.outlet, s.outletUrl));
        }
        return new EditionResponse(
                e.id,
                e.title,
                e.date,
                e.status,
                new Lead(
                        lead.id,
                        lead.headline,
                        StoryFields.paragraphs(lead.summary),
                        lead.byline,
                        lead.outlet,
                        lead.outletUrl,
                        e.leadNote,
                        lead.editorsNote),
                briefs,
                e.sectionList(),
                e.publishAt,
                e.approvedAt,
                e.approvedBy,
                e.version,
                ETags.header(e.version),
                e.createdAt,
                e.createdBy,
                e.updatedAt,
                e.updatedBy,
                e.snapshot());
    }
}
