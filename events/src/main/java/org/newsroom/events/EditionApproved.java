package org.newsroom.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code news.edition.approved.v1}: a chief editor approved an edition, to publish now or at {@code publishAt}.
 * A self-contained snapshot (lead and briefs with their texts), so publish and notify need nothing else. Keyed by
 * {@code editionId}.
 */
public record EditionApproved(
        UUID editionId,
        String title,
        LocalDate date,
        EditionLead lead,
        List<EditionBrief> briefs,
        List<String> sections,
        Instant publishAt,
        String approvedBy,
        Instant approvedAt) {

    public EditionApproved {
        Required.field(editionId, "editionId");
        Required.field(title, "title");
        Required.field(date, "date");
        Required.field(lead, "lead");
        Required.field(briefs, "briefs");
        Required.field(approvedBy, "approvedBy");
        Required.field(approvedAt, "approvedAt");
        briefs = List.copyOf(briefs);
    }
}
