package org.newsroom.editorial.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.editorial.domain.Edition;

/** An edition as the list of recent editions shows it: enough to choose one to open, without its stories' copy. */
@Schema(description = "An edition in the list of recent editions")
public record EditionSummary(
        UUID id,
        @Schema(example = "The Daily Brief") String title,
        @Schema(example = "2026-11-25") LocalDate date,
        Edition.Status status,
        UUID leadStoryId,

        @Schema(description = "How many briefs it has", example = "3")
        int briefCount,

        Instant publishAt,
        Instant approvedAt,
        Instant createdAt,
        String createdBy,
        Instant updatedAt) {

    static EditionSummary of(Edition e) {
        return new EditionSummary(
                e.id,
                e.title,
                e.date,
                e.status,
                e.leadStory,
                e.briefList().size(),
                e.publishAt,
                e.approvedAt,
                e.createdAt,
                e.createdBy,
                e.updatedAt);
    }
}
