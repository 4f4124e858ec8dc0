package org.newsroom.editorial.domain;

/**
 * What an entry of a story's audit trail records, so that the desk cannot write an action nobody reads and readers
 * of the history (the API, the editors' tools) know the whole list. Stored by name in {@code story_transition.action}
 * (text, at most 20 characters): a new action needs no migration, a renamed one would.
 */
public enum StoryAction {
    /** ingest-service delivered the item: the story is created. */
    RECEIVE,
    /** The source updated the item and the edited copy followed (or the source went back to the story's copy). */
    SOURCE_UPDATE,
    /** The source updated the item; an editor had edited the copy, so it was kept and the story flagged. */
    SOURCE_CHANGED,
    /** The source updated an approved story: the update waits for an editor. */
    SOURCE_HELD,
    /** An editor applied the held source update. */
    SOURCE_APPLIED,
    /** An editor discarded the held source update. */
    SOURCE_DISCARDED,
    /** The source withdrew the item. */
    WITHDRAW,
    EDIT,
    MAKE_PRIMARY,
    SUBMIT,
    APPROVE,
    REJECT,
    /** publish-service confirmed the publication. */
    PUBLISH,
    CORRECT,
    KILL
}
