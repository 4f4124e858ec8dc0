package org.newsroom.editorial.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.newsroom.events.Attribution;

/**
 * A self-contained snapshot of an approved edition (lead story with its texts and editor's note, numbered briefs
 * with headline, summary paragraphs and attribution), frozen at approval. It is the intended payload of
 * {@code news.edition.approved.v1}, which waits for the event contract test to support arrays and nested records.
 */
public record EditionSnapshot(UUID editionId, String title, LocalDate date, Lead lead, List<Brief> briefs,
        List<String> sections, Instant publishAt, String approvedBy, Instant approvedAt) {

    public record Lead(UUID storyId, String headline, String summary, String byline, Attribution attribution,
            String editorsNote) {
    }

    public record Brief(int number, UUID storyId, String headline, List<String> summaryParagraphs,
            Attribution attribution) {
    }

    static EditionSnapshot of(Edition e) {
        Story lead = Story.findById(e.leadStory);
        List<Brief> briefs = new java.util.ArrayList<>();
        int number = 1;
        for (UUID id : e.briefList()) {
            Story s = Story.findById(id);
            briefs.add(new Brief(number++, s.id, s.headline, paragraphs(s.summary),
                    new Attribution(s.outlet, s.outletUrl)));
        }
        return new EditionSnapshot(e.id, e.title, e.date, new Lead(lead.id, lead.headline, lead.summary, lead.byline,
                new Attribution(lead.outlet, lead.outletUrl), e.leadNote), briefs, e.sectionList(), e.publishAt,
                e.approvedBy, e.approvedAt);
    }

    private static List<String> paragraphs(String text) {
        return text == null ? List.of()
                : java.util.Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty())
                        .toList();
    }
}
