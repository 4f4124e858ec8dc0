package org.newsroom.editorial.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.events.ItemWithdrawn;
import org.newsroom.events.PublicationPublished;

/**
 * The editorial desk: where items become stories and stories move through the workflow. Every change is audited
 * (who, when, field diff, from/to status, reason) in the same transaction as the change and its event.
 *
 * <p>Writes name the version they were based on ({@code expectedVersion}, from the client's {@code If-Match}); a
 * stale one is refused with {@link StaleStoryException} and nothing is written. Edits, approvals, corrections and
 * kills always name one (what goes public is what was read); {@code null} means the caller made no such claim
 * (submit, reject, make-primary, which the state machine guards by itself).
 */
@ApplicationScoped
public class Desk {

    private static final String INGEST = "ingest-service";
    private static final String PUBLISH = "publish-service";

    @Inject
    StoryEvents events;

    @Inject
    Event<StoryMoved> moves;

    /** An item arrives once as a story, however often its event is delivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Story receive(ItemIngested item) {
        return Story.findByItemId(item.itemId()).orElseGet(() -> {
            Story story = new Story();
            story.id = UUID.randomUUID();
            story.itemId = item.itemId();
            story.source = item.source();
            story.url = item.url();
            story.headline = story.sourceHeadline = item.headline();
            story.summary = story.sourceSummary = item.summary();
            story.byline = story.sourceByline = item.byline();
            story.outlet = story.sourceOutlet = item.attribution().outlet();
            story.outletUrl = story.sourceOutletUrl = item.attribution().url();
            story.bodyHtml = item.bodyHtml();
            story.imageUrl = item.imageUrl();
            story.imageCaption = story.sourceImageCaption = item.imageCaption();
            story.imageCredit = story.sourceImageCredit = item.imageCredit();
            story.rights = story.sourceRights = item.rights();
            story.clusterId = item.clusterId();
            story.sections =
                    item.sections() == null ? new String[0] : item.sections().toArray(String[]::new);
            story.sourceVersion = item.version();
            story.embargoedUntil = item.embargoedUntil();
            story.status = StoryStatus.NEW;
            story.createdAt = story.updatedAt = Instant.now();
            story.updatedBy = INGEST;
            story.persist();
            StoryTransition.record(story, null, StoryAction.RECEIVE, INGEST, story.createdAt, null, null);
            moves.fire(new StoryMoved(null, StoryStatus.NEW));
            return story;
        });
    }

    /**
     * The source updated the item. An older version than the one held is ignored. Until a chief editor approved the
     * story, its source copy, body, photo and rights follow the source, and so does the edited copy unless an editor
     * edited it (then it is kept and the story is flagged {@code sourceChanged}). Once approved, nothing of its copy
     * changes: the update is held for an editor to apply or discard ({@code sourceUpdatePending}), so that a source
     * (or whoever can push as one) cannot change what was approved or published behind the editors' back.
     * Embargo and cluster always follow: they restrict and group, they are not copy.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sourceUpdated(ItemUpdated item) {
        Story story = Story.findByItemId(item.itemId()).orElse(null);
        if (story == null) {
            receive(new ItemIngested(
                    item.itemId(),
                    item.source(),
                    item.externalId(),
                    item.url(),
                    item.headline(),
                    item.summary(),
                    item.byline(),
                    item.attribution(),
                    item.publishedAt(),
                    item.updatedAt(),
                    item.version(),
                    item.canonicalUrl(),
                    item.bodyHtml(),
                    item.bodyText(),
                    item.language(),
                    item.imageUrl(),
                    item.imageCaption(),
                    item.imageCredit(),
                    item.rights(),
                    item.embargoedUntil(),
                    item.clusterId(),
                    item.sections()));
            return;
        }
        HeldSourceUpdate held = HeldSourceUpdate.of(story);
        Integer latest = held == null ? story.sourceVersion : held.sourceVersion;
        if (item.version() != null && latest != null && item.version() <= latest) {
            return;
        }
        if (item.clusterId() != null) {
            if (!item.clusterId().equals(story.clusterId)) {
                // Chosen to lead the old cluster, not the new one.
                story.primaryChosenAt = null;
            }
            story.clusterId = item.clusterId();
        }
        story.embargoedUntil = item.embargoedUntil();
        if (story.status.editable()) {
            story.sourceVersion = item.version();
            Map<String, Object> diff = SourceFields.of(story).diff(SourceFields.of(item));
            if (!diff.isEmpty()) {
                StoryAction action = take(story, item) ? StoryAction.SOURCE_UPDATE : StoryAction.SOURCE_CHANGED;
                touch(story, INGEST);
                StoryTransition.record(story, story.status, action, INGEST, story.updatedAt, diff, null);
            }
            return;
        }
        hold(story, held, item);
    }

    /** An update of an approved (or later) story waits for an editor; a newer one replaces one still waiting. */
    private static void hold(Story story, HeldSourceUpdate held, ItemUpdated item) {
        Map<String, Object> diff = SourceFields.of(story).diff(SourceFields.of(item));
        if (diff.isEmpty()) {
            story.sourceVersion = item.version();
            if (held != null) {
                // The source is back to the copy the story holds: nothing is left to apply.
                held.delete();
                story.sourceUpdatePending = false;
                touch(story, INGEST);
                StoryTransition.record(
                        story,
                        story.status,
                        StoryAction.SOURCE_UPDATE,
                        INGEST,
                        story.updatedAt,
                        null,
                        "The source is back to the story's copy; the held update is dropped");
            }
            return;
        }
        if (held == null) {
            held = new HeldSourceUpdate();
            held.storyId = story.id;
        }
        held.sourceVersion = item.version();
        held.payload = EventCodec.encode(item);
        held.receivedAt = Instant.now();
        held.persist();
        story.sourceUpdatePending = true;
        touch(story, INGEST);
        StoryTransition.record(
                story,
                story.status,
                StoryAction.SOURCE_HELD,
                INGEST,
                story.updatedAt,
                diff,
                "The story is " + story.status + ": the update waits for an editor to apply or discard it");
    }

    /**
     * Takes the source's fields; the edited copy follows unless an editor edited it (then the story is flagged
     * {@code sourceChanged}). Answers whether the edited copy followed.
     */
    private static boolean take(Story story, ItemUpdated item) {
        SourceFields.of(item).copyTo(story);
        if (story.edited) {
            story.sourceChanged = true;
            return false;
        }
        story.headline = story.sourceHeadline;
        story.summary = story.sourceSummary;
        story.byline = story.sourceByline;
        story.outlet = story.sourceOutlet;
        story.outletUrl = story.sourceOutletUrl;
        story.imageCaption = story.sourceImageCaption;
        story.imageCredit = story.sourceImageCredit;
        story.rights = story.sourceRights;
        return true;
    }

    /**
     * An editor applies the held source update: body, photo, rights and the source copy change, and the edited copy
     * follows as it would have before approval. A published story shows it with its next correction.
     */
    @Transactional
    public Story applySourceUpdate(UUID id, long expectedVersion, String editor) {
        Story story = current(id, expectedVersion);
        HeldSourceUpdate held = requireHeld(story);
        Map<String, Object> diff = held.changes(story);
        take(story, held.item());
        settle(story, held);
        touch(story, editor);
        StoryTransition.record(story, story.status, StoryAction.SOURCE_APPLIED, editor, story.updatedAt, diff, null);
        return flushed(story);
    }

    /** An editor discards the held source update; the story keeps its copy. */
    @Transactional
    public Story discardSourceUpdate(UUID id, long expectedVersion, String editor) {
        Story story = current(id, expectedVersion);
        HeldSourceUpdate held = requireHeld(story);
        Map<String, Object> diff = held.changes(story);
        settle(story, held);
        touch(story, editor);
        StoryTransition.record(story, story.status, StoryAction.SOURCE_DISCARDED, editor, story.updatedAt, diff, null);
        return flushed(story);
    }

    private static HeldSourceUpdate requireHeld(Story story) {
        HeldSourceUpdate held = HeldSourceUpdate.of(story);
        if (held == null) {
            throw new DeskRuleException("Story " + story.id + " has no source update waiting");
        }
        return held;
    }

    /** Its version counts as seen either way, so the same update delivered again is not held again. */
    private static void settle(Story story, HeldSourceUpdate held) {
        story.sourceVersion = held.sourceVersion;
        story.sourceUpdatePending = false;
        held.delete();
    }

    /** The source withdrew the item: the story is flagged; a published one gets a kill proposed to the chief editor. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(ItemWithdrawn item) {
        Story.findByItemId(item.itemId())
                .filter(story -> story.withdrawnAt == null)
                .ifPresent(story -> {
                    story.withdrawnAt = item.withdrawnAt();
                    story.withdrawnReason = item.reason();
                    story.killProposed = story.status == StoryStatus.PUBLISHED || story.status == StoryStatus.CORRECTED;
                    touch(story, INGEST);
                    StoryTransition.record(
                            story, story.status, StoryAction.WITHDRAW, INGEST, story.updatedAt, null, item.reason());
                });
    }

    private static <T> T changed(Map<String, Object> diff, String field, T from, T to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            diff.put(field, change);
        }
        return to;
    }

    /** Changes the edited copy (validated values by field name); a value equal to the current one is no change. */
    @Transactional
    public Story edit(UUID id, long expectedVersion, Map<String, Object> values, String editor) {
        Story story = current(id, expectedVersion);
        if (!story.status.editable()) {
            throw new NotEditableException(story.status);
        }
        Map<String, Object> diff = story.apply(values);
        if (!diff.isEmpty()) {
            // The editor worked from a version that showed the source change (If-Match): it is acknowledged.
            story.sourceChanged = false;
            touch(story, editor);
            StoryTransition.record(story, story.status, StoryAction.EDIT, editor, story.updatedAt, diff, null);
        }
        return flushed(story);
    }

    /** Makes the story lead its cluster; the former primary becomes an alternate. Audited on the new primary. */
    @Transactional
    public Story makePrimary(UUID id, Long expectedVersion, String editor) {
        Story story = current(id, expectedVersion);
        Cluster cluster = Cluster.of(story);
        if (cluster == null) {
            throw new DeskRuleException("Story " + id + " belongs to no cluster");
        }
        if (cluster.isPrimary(story)) {
            return story;
        }
        Map<String, Object> diff = new LinkedHashMap<>();
        changed(diff, "clusterPrimary", cluster.primary().id.toString(), story.id.toString());
        touch(story, editor);
        story.primaryChosenAt = story.updatedAt;
        StoryTransition.record(story, story.status, StoryAction.MAKE_PRIMARY, editor, story.updatedAt, diff, null);
        return flushed(story);
    }

    @Transactional
    public Story submit(UUID id, Long expectedVersion, String editor) {
        Story story = current(id, expectedVersion);
        StoryStatus from = move(story, StoryStatus.IN_REVIEW);
        touch(story, editor);
        StoryTransition.record(story, from, StoryAction.SUBMIT, editor, story.updatedAt, null, null);
        return flushed(story);
    }

    /**
     * Approves the story for publication, at once or at {@code publishAt} (scheduled). An embargoed story is
     * approved only when scheduled at or after its embargo; the announced hold time is the later of the two.
     */
    @Transactional
    public Story approve(UUID id, long expectedVersion, Instant publishAt, String chiefEditor) {
        Story story = current(id, expectedVersion);
        if (story.status.canMoveTo(StoryStatus.APPROVED)) {
            if (story.withdrawnAt != null) {
                throw new DeskRuleException(
                        "The source withdrew this story on " + story.withdrawnAt + "; it cannot be approved");
            }
            if (story.embargoedUntil != null
                    && story.embargoedUntil.isAfter(Instant.now())
                    && (publishAt == null || publishAt.isBefore(story.embargoedUntil))) {
                throw new EmbargoException(story.embargoedUntil, publishAt);
            }
        }
        StoryStatus from = move(story, StoryStatus.APPROVED);
        touch(story, chiefEditor);
        story.approvedAt = story.updatedAt;
        story.approvedBy = chiefEditor;
        story.publishAt = publishAt;
        Map<String, Object> scheduled = new LinkedHashMap<>();
        if (publishAt != null) {
            changed(scheduled, "publishAt", null, publishAt.toString());
        }
        StoryTransition.record(story, from, StoryAction.APPROVE, chiefEditor, story.approvedAt, scheduled, null);
        events.approved(story);
        return flushed(story);
    }

    @Transactional
    public Story reject(UUID id, Long expectedVersion, String chiefEditor, String reason) {
        Story story = current(id, expectedVersion);
        StoryStatus from = move(story, StoryStatus.REJECTED);
        touch(story, chiefEditor);
        StoryTransition.record(story, from, StoryAction.REJECT, chiefEditor, story.updatedAt, null, reason);
        return flushed(story);
    }

    /** A new version of a published story: the corrected fields (maybe none) and the note readers are shown. */
    @Transactional
    public Story correct(UUID id, long expectedVersion, String chiefEditor, String note, Map<String, Object> values) {
        Story story = current(id, expectedVersion);
        StoryStatus from = move(story, StoryStatus.CORRECTED);
        Map<String, Object> diff = story.apply(values);
        touch(story, chiefEditor);
        story.correctionNote = note;
        StoryTransition.record(story, from, StoryAction.CORRECT, chiefEditor, story.updatedAt, diff, note);
        events.corrected(story);
        return flushed(story);
    }

    @Transactional
    public Story kill(UUID id, long expectedVersion, String chiefEditor, String reason) {
        Story story = current(id, expectedVersion);
        StoryStatus from = move(story, StoryStatus.KILLED);
        story.killProposed = false;
        touch(story, chiefEditor);
        story.killReason = reason;
        StoryTransition.record(story, from, StoryAction.KILL, chiefEditor, story.updatedAt, null, reason);
        events.killed(story);
        return flushed(story);
    }

    /**
     * publish-service confirms a publication: an APPROVED story becomes PUBLISHED. A publication of another
     * aggregate (no or unknown story id) or of a story already past APPROVED (a re-publication) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(PublicationPublished publication) {
        if (publication.storyId() == null) {
            return;
        }
        Story.<Story>findByIdOptional(publication.storyId())
                .filter(story -> story.status == StoryStatus.APPROVED)
                .ifPresent(story -> {
                    StoryStatus from = move(story, StoryStatus.PUBLISHED);
                    touch(story, PUBLISH);
                    story.publishedAt = publication.publishedAt();
                    story.publicationId = publication.publicationId();
                    story.publicationUrl = publication.url();
                    StoryTransition.record(story, from, StoryAction.PUBLISH, PUBLISH, story.updatedAt, null, null);
                });
    }

    private static Story current(UUID id, Long expectedVersion) {
        Story story = Story.<Story>findByIdOptional(id).orElseThrow(() -> new UnknownStoryException(id));
        if (expectedVersion != null && story.version != expectedVersion) {
            throw new StaleStoryException(expectedVersion, story.version);
        }
        return story;
    }

    private static void touch(Story story, String actor) {
        story.updatedAt = Instant.now();
        story.updatedBy = actor;
    }

    /**
     * Flushes so that the version check of a concurrent write fails here (as an optimistic lock failure) rather
     * than at commit, and so that the answer carries the new version.
     */
    private static Story flushed(Story story) {
        Story.flush();
        return story;
    }

    private StoryStatus move(Story story, StoryStatus to) {
        StoryStatus from = story.status;
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(from, to);
        }
        story.status = to;
        moves.fire(new StoryMoved(from, to));
        return from;
    }
}
