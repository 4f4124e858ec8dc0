package org.newsroom.editorial.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;

/**
 * Composes and approves editions. An edition holds only stories a chief editor approved (APPROVED, PUBLISHED or
 * CORRECTED); it is edited with optimistic concurrency like a story, and frozen once approved.
 */
@ApplicationScoped
public class EditionDesk {

    @Inject
    EditionEvents events;

    @Inject
    Event<EditionApprovedByDesk> approvals;

    static final Set<StoryStatus> PUBLISHABLE =
            EnumSet.of(StoryStatus.APPROVED, StoryStatus.PUBLISHED, StoryStatus.CORRECTED);

    @Transactional
    public Edition create(EditionDraft draft, String editor) {
        Edition edition = new Edition();
        edition.id = UUID.randomUUID();
        check(edition.id, draft, editor);
        edition.status = Edition.Status.DRAFT;
        edition.createdAt = Instant.now();
        edition.createdBy = editor;
        apply(edition, draft, editor);
        edition.persist();
        Edition.flush();
        return edition;
    }

    /** Replaces the content (the API merges a patch onto the current draft first); briefs in the given order. */
    @Transactional
    public Edition edit(UUID id, long expectedVersion, EditionDraft draft, String editor) {
        Edition edition = current(id, expectedVersion);
        if (edition.status != Edition.Status.DRAFT) {
            throw new EditionApprovedException(edition);
        }
        check(edition.id, draft, editor);
        apply(edition, draft, editor);
        Edition.flush();
        return edition;
    }

    @Transactional
    public Edition approve(UUID id, long expectedVersion, Instant publishAt, String chiefEditor) {
        Edition edition = current(id, expectedVersion);
        if (edition.status != Edition.Status.DRAFT) {
            throw new EditionApprovedException(edition);
        }
        EditionDraft draft = draft(edition);
        check(edition.id, draft, chiefEditor);
        requireHoldsLifted(draft, publishAt == null ? Instant.now() : publishAt);
        edition.status = Edition.Status.APPROVED;
        edition.approvedAt = edition.updatedAt = Instant.now();
        edition.approvedBy = edition.updatedBy = chiefEditor;
        edition.publishAt = publishAt;
        EditionApproved snapshot = EditionSnapshot.of(edition);
        edition.approvedSnapshot = EventCodec.encode(snapshot);
        events.approved(snapshot);
        approvals.fire(new EditionApprovedByDesk(edition.id, publishAt != null));
        Edition.flush();
        return edition;
    }

    /**
     * What approving the edition now would announce (once approved: what was announced), for the desk's preview: the
     * snapshot approval builds, the previewing editor standing in for the approver. Nothing is written.
     */
    @Transactional
    public EditionApproved preview(UUID id, String editor) {
        Edition edition = Edition.findById(id);
        if (edition == null) {
            throw new UnknownEditionException(id);
        }
        if (edition.status == Edition.Status.APPROVED) {
            return edition.snapshot();
        }
        return EditionSnapshot.of(edition.id, draft(edition), edition.publishAt, editor, Instant.now());
    }

    public static EditionDraft draft(Edition e) {
        return new EditionDraft(e.title, e.date, e.leadStory, e.leadNote, e.briefList(), e.sectionList());
    }

    private static void apply(Edition edition, EditionDraft draft, String editor) {
        edition.title = draft.title();
        edition.date = draft.date();
        edition.leadStory = draft.leadStory();
        edition.leadNote = draft.leadNote();
        edition.briefs = draft.briefs().toArray(UUID[]::new);
        edition.sections = draft.sections().toArray(String[]::new);
        edition.updatedAt = Instant.now();
        edition.updatedBy = editor;
    }

    /**
     * The stories must be publishable, and the edition's event must fit in Kafka: briefs carry only headlines and
     * summaries, but thirty of them and a lead, with summaries as long as ingest sent them, can outgrow a record.
     * Measured when composing too, so an editor learns it before the chief editor tries to approve.
     */
    private static void check(UUID editionId, EditionDraft draft, String approver) {
        List<EditionRuleException.Violation> violations = new ArrayList<>();
        checkStory("leadStory", draft.leadStory(), violations);
        for (int i = 0; i < draft.briefs().size(); i++) {
            UUID brief = draft.briefs().get(i);
            if (brief.equals(draft.leadStory())) {
                violations.add(new EditionRuleException.Violation("briefs[" + i + "]", "is the lead story"));
            } else if (draft.briefs().indexOf(brief) < i) {
                violations.add(new EditionRuleException.Violation("briefs[" + i + "]", "is listed twice"));
            } else {
                checkStory("briefs[" + i + "]", brief, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new EditionRuleException(violations);
        }
        Limits.requireSendable(EditionSnapshot.of(editionId, draft, null, approver, Instant.now()));
    }

    /**
     * An edition goes out whole at its time (page, newsletter, webhooks), so none of its stories may still be held
     * then: not before its embargo, nor before the time a chief editor scheduled it for. Checked at approval only:
     * a draft may hold tomorrow's embargoed story for tomorrow's edition.
     */
    private static void requireHoldsLifted(EditionDraft draft, Instant editionTime) {
        List<EditionEmbargoException.HeldStory> held = new ArrayList<>();
        heldAt("leadStory", draft.leadStory(), editionTime, held);
        for (int i = 0; i < draft.briefs().size(); i++) {
            heldAt("briefs[" + i + "]", draft.briefs().get(i), editionTime, held);
        }
        if (!held.isEmpty()) {
            throw new EditionEmbargoException(editionTime, held);
        }
    }

    private static void heldAt(
            String field, UUID id, Instant editionTime, List<EditionEmbargoException.HeldStory> held) {
        Story story = Story.findById(id);
        Instant until = story.holdUntil();
        if (until != null && editionTime.isBefore(until)) {
            held.add(new EditionEmbargoException.HeldStory(
                    field,
                    story.id,
                    story.headline,
                    until,
                    until.equals(story.embargoedUntil) ? "embargoed until" : "scheduled for"));
        }
    }

    private static void checkStory(String field, UUID id, List<EditionRuleException.Violation> violations) {
        Story story = Story.findById(id);
        if (story == null) {
            violations.add(new EditionRuleException.Violation(field, "no story " + id));
        } else if (!PUBLISHABLE.contains(story.status)) {
            violations.add(new EditionRuleException.Violation(
                    field,
                    "story " + id + " is " + story.status + "; an edition holds only APPROVED or PUBLISHED stories"));
        }
    }

    private static Edition current(UUID id, long expectedVersion) {
        Edition edition = Edition.findById(id);
        if (edition == null) {
            throw new UnknownEditionException(id);
        }
        if (edition.version != expectedVersion) {
            throw new StaleStoryException(expectedVersion, edition.version);
        }
        return edition;
    }
}
