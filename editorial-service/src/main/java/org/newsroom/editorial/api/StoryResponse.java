package org.newsroom.editorial.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.newsroom.editorial.domain.Story;
import org.newsroom.editorial.domain.StoryStatus;
import org.newsroom.editorial.domain.StoryTransition;
import org.newsroom.editorial.feedback.Grade;

/**
 * A story as editors see it: the edited copy (top level), the source copy as ingest sent it ({@code sourceCopy}),
 * workflow state with the moves allowed from it, and the version ({@code etag}) to send back in {@code If-Match}.
 */
public record StoryResponse(UUID id, UUID itemId, String source, String url, String headline, String summary,
        List<String> summaryParagraphs, String byline, String outlet, String outletUrl, String editorsNote,
        List<String> sections, String assignee, boolean edited, StoryStatus status,
        Set<StoryStatus> allowedTransitions, long version, String etag, Instant createdAt, Instant updatedAt,
        String updatedBy, Instant approvedAt, String approvedBy, Instant publishedAt, String publicationUrl,
        String correctionNote, String killReason, SourceCopy sourceCopy, boolean sourceChanged,
        Integer sourceVersion, Instant embargoedUntil, Instant withdrawnAt, String withdrawnReason,
        boolean killProposed, Grade.Summary grades, List<HistoryEntry> history) {

    /** The item as ingest sent it; edits never change it. */
    public record SourceCopy(String headline, String summary, String byline, String outlet, String outletUrl,
            String url) {
    }

    static StoryResponse of(Story story) {
        return of(story, null, null);
    }

    /** With the readers' grades of the story's publication and the audit trail (on single-story reads). */
    static StoryResponse withGrades(Story story) {
        return of(story, Grade.of(story.publicationId),
                StoryTransition.history(story.id).stream().map(HistoryEntry::of).toList());
    }

    private static StoryResponse of(Story story, Grade.Summary grades, List<HistoryEntry> history) {
        return new StoryResponse(story.id, story.itemId, story.source, story.url, story.headline, story.summary,
                StoryFields.paragraphs(story.summary), story.byline, story.outlet, story.outletUrl, story.editorsNote,
                story.sectionList(), story.assignee, story.edited, story.status, story.status.allowedNext(),
                story.version, ETags.header(story.version), story.createdAt, story.updatedAt, story.updatedBy,
                story.approvedAt, story.approvedBy, story.publishedAt, story.publicationUrl, story.correctionNote,
                story.killReason, new SourceCopy(story.sourceHeadline, story.sourceSummary, story.sourceByline,
                        story.sourceOutlet, story.sourceOutletUrl, story.url),
                story.sourceChanged, story.sourceVersion, story.embargoedUntil, story.withdrawnAt,
                story.withdrawnReason, story.killProposed, grades, history);
    }
}
