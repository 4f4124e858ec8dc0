package org.newsroom.editorial.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.editorial.domain.Cluster;
import org.newsroom.editorial.domain.HeldSourceUpdate;
import org.newsroom.editorial.domain.Story;
import org.newsroom.editorial.domain.StoryStatus;
import org.newsroom.editorial.domain.StoryTransition;
import org.newsroom.editorial.feedback.Grade;

/**
 * A story as editors see it: the edited copy (top level), the source copy as ingest sent it ({@code sourceCopy}),
 * workflow state with the moves allowed from it, its cluster, and the version ({@code etag}) to send back in
 * {@code If-Match}.
 */
@Schema(description = "A story: the editors' copy of an ingested item, its workflow state and its cluster")
public record StoryResponse(
        @Schema(example = "3f6c1c9e-7d2a-4a57-9a52-1f3f0b8d2c11")
        UUID id,

        @Schema(description = "The ingested item it was made from")
        UUID itemId,

        @Schema(example = "wire-desk") String source,
        @Schema(example = "https://example.org/rates") String url,
        @Schema(example = "Rates stay on hold") String headline,

        @Schema(
                description = "The brief text: 1–3 paragraphs separated by a blank line",
                example = "The central bank held rates.\n\nMarkets had expected it.")
        String summary,

        @Schema(description = "The summary split into its paragraphs")
        List<String> summaryParagraphs,

        @Schema(example = "A. Writer") String byline,

        @Schema(description = "Attribution: the outlet's name", example = "The Harbor Ledger")
        String outlet,

        @Schema(description = "Attribution: the link to the outlet", example = "https://example.org")
        String outletUrl,

        @Schema(example = "Why it matters: the first pause in a year.")
        String editorsNote,

        @Schema(example = "[\"Markets\", \"Geoeconomics\"]") List<String> sections,
        @Schema(example = "LONDON") String dateline,
        @Schema(example = "A. Writer covers central banks.") String authorBio,

        @Schema(description = "The source's body (sanitized HTML)", example = "<p>The central bank held rates.</p>")
        String bodyHtml,

        @Schema(example = "https://example.org/photo.jpg") String imageUrl,
        @Schema(example = "The bank's headquarters") String imageCaption,
        @Schema(example = "Photo: J. Doe") String imageCredit,
        @Schema(example = "(c) 2026 The Harbor Ledger") String rights,
        @Schema(example = "erin") String assignee,

        @Schema(description = "Whether an editor changed the copy (then source updates no longer overwrite it)")
        boolean edited,

        StoryStatus status,

        @Schema(description = "The statuses the workflow allows next", example = "[\"IN_REVIEW\", \"APPROVED\"]")
        Set<StoryStatus> allowedTransitions,

        @Schema(example = "3") long version,

        @Schema(description = "The ETag to send in If-Match", example = "\"3\"")
        String etag,

        Instant createdAt,
        Instant updatedAt,
        @Schema(example = "erin") String updatedBy,
        Instant approvedAt,
        @Schema(example = "chris") String approvedBy,

        @Schema(
                description = "When the approved story is scheduled to go public (not before its embargo)",
                example = "2026-11-26T06:00:00Z")
        Instant publishAt,

        Instant publishedAt,

        @Schema(description = "publish-service's publication of the story (readers grade it)")
        UUID publicationId,

        String publicationUrl,
        String correctionNote,
        String killReason,
        SourceCopy sourceCopy,

        @Schema(description = "The source changed after an editor edited the copy; the history has the diff")
        boolean sourceChanged,

        @Schema(
                description = "The source updated the story after its approval: the update is held, not applied, "
                        + "until an editor applies or discards it (POST or DELETE source-update)")
        boolean sourceUpdatePending,

        @Schema(description = "The held source update and what applying it would change (single-story reads only)")
        PendingSourceUpdate pendingSourceUpdate,

        Integer sourceVersion,

        @Schema(description = "The source's embargo: no publication before it", example = "2026-11-26T06:00:00Z")
        Instant embargoedUntil,

        Instant withdrawnAt,
        String withdrawnReason,

        @Schema(description = "The source withdrew this published story: a chief editor should kill it")
        boolean killProposed,

        @Schema(description = "Stories of the same cluster report the same news")
        UUID clusterId,

        @Schema(
                description = "Whether this is its cluster's primary (the one an editor chose, else the earliest);"
                        + " true outside a cluster")
        boolean primary,

        @Schema(description = "How many other stories share its cluster", example = "2")
        long alternateCount,

        @Schema(description = "The other stories of its cluster (single-story reads only)")
        List<Alternate> alternates,

        @Schema(description = "Readers' grades of its publication (single-story reads only)")
        Grade.Summary grades,

        @Schema(description = "The audit trail (single-story reads only)")
        List<HistoryEntry> history) {

    /** The item as ingest sent it; edits never change it. */
    public record SourceCopy(
            String headline,
            String summary,
            String byline,
            String outlet,
            String outletUrl,
            String url,
            String imageCaption,
            String imageCredit,
            String rights) {}

    /** A source update held since the story's approval: its version, when it came, and its diff to the story. */
    public record PendingSourceUpdate(
            @Schema(example = "3") Integer sourceVersion,
            Instant receivedAt,

            @Schema(description = "Field by field, {\"from\": the story's, \"to\": the update's}")
            Map<String, Object> changes) {}

    /** Another story of the same cluster. */
    public record Alternate(
            UUID id,
            @Schema(example = "Rates unchanged, bank says") String headline,
            @Schema(example = "global-wire") String source,
            @Schema(example = "Global Wire") String outlet,
            StoryStatus status,
            boolean primary) {}

    /** After a write: with its cluster's primary and size. */
    static StoryResponse of(Story story) {
        Cluster cluster = Cluster.of(story);
        return cluster == null
                ? of(story, null, null, null, null, null)
                : of(
                        story,
                        new Cluster.Summary(
                                cluster.primary().id, cluster.members().size()),
                        null,
                        null,
                        null,
                        null);
    }

    /** On a queue page, whose cluster summaries were read at once. */
    static StoryResponse of(Story story, Map<UUID, Cluster.Summary> clusters) {
        return of(story, story.clusterId == null ? null : clusters.get(story.clusterId), null, null, null, null);
    }

    /** A single-story read: with its alternates, the readers' grades of its publication and the audit trail. */
    static StoryResponse detail(Story story) {
        Cluster cluster = Cluster.of(story);
        Cluster.Summary summary = cluster == null
                ? null
                : new Cluster.Summary(cluster.primary().id, cluster.members().size());
        List<Alternate> alternates = cluster == null
                ? List.of()
                : cluster.alternatesOf(story).stream()
                        .map(s -> new Alternate(s.id, s.headline, s.source, s.outlet, s.status, cluster.isPrimary(s)))
                        .toList();
        HeldSourceUpdate held = HeldSourceUpdate.of(story);
        return of(
                story,
                summary,
                alternates,
                Grade.of(story.publicationId),
                StoryTransition.history(story.id).stream().map(HistoryEntry::of).toList(),
                held == null
                        ? null
                        : new PendingSourceUpdate(held.sourceVersion, held.receivedAt, held.changes(story)));
    }

    private static StoryResponse of(
            Story story,
            Cluster.Summary cluster,
            List<Alternate> alternates,
            Grade.Summary grades,
            List<HistoryEntry> history,
            PendingSourceUpdate pending) {
        return new StoryResponse(
                story.id,
                story.itemId,
                story.source,
                story.url,
                story.headline,
                story.summary,
                StoryFields.paragraphs(story.summary),
                story.byline,
                story.outlet,
                story.outletUrl,
                story.editorsNote,
                story.sectionList(),
                story.dateline,
                story.authorBio,
                story.bodyHtml,
                story.imageUrl,
                story.imageCaption,
                story.imageCredit,
                story.rights,
                story.assignee,
                story.edited,
                story.status,
                story.status.allowedNext(),
                story.version,
                ETags.header(story.version),
                story.createdAt,
                story.updatedAt,
                story.updatedBy,
                story.approvedAt,
                story.approvedBy,
                story.publishAt,
                story.publishedAt,
                story.publicationId,
                story.publicationUrl,
                story.correctionNote,
                story.killReason,
                new SourceCopy(
                        story.sourceHeadline,
                        story.sourceSummary,
                        story.sourceByline,
                        story.sourceOutlet,
                        story.sourceOutletUrl,
                        story.url,
                        story.sourceImageCaption,
                        story.sourceImageCredit,
                        story.sourceRights),
                story.sourceChanged,
                story.sourceUpdatePending,
                pending,
                story.sourceVersion,
                story.embargoedUntil,
                story.withdrawnAt,
                story.withdrawnReason,
                story.killProposed,
                story.clusterId,
                cluster == null || cluster.primaryId().equals(story.id),
                cluster == null ? 0 : cluster.size() - 1,
                alternates,
                grades,
                history);
    }
}
