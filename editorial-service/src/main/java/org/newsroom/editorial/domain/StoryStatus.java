package org.newsroom.editorial.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The editorial workflow as an explicit state machine; the desk's rules live here, not in the resources.
 *
 * <pre>
 * NEW ─submit─▶ IN_REVIEW ─approve─▶ APPROVED ─(publish confirms)─▶ PUBLISHED ─correct─▶ CORRECTED
 *  │                 └──reject──▶ REJECTED ─submit─▶ IN_REVIEW          └──kill──▶ KILLED ◀──kill── CORRECTED
 *  └──approve (a chief editor may approve a new story directly)──▶ APPROVED
 * </pre>
 */
public enum StoryStatus {
    NEW,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    PUBLISHED,
    CORRECTED,
    KILLED;

    public Set<StoryStatus> allowedNext() {
        return switch (this) {
            // NEW → APPROVED keeps the one-step approval of the local demo and the end-to-end test working.
            case NEW -> EnumSet.of(IN_REVIEW, APPROVED);
            case IN_REVIEW -> EnumSet.of(APPROVED, REJECTED);
            case REJECTED -> EnumSet.of(IN_REVIEW);
            case APPROVED -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.of(CORRECTED, KILLED);
            case CORRECTED -> EnumSet.of(CORRECTED, KILLED);
            case KILLED -> EnumSet.noneOf(StoryStatus.class);
        };
    }

    public boolean canMoveTo(StoryStatus next) {
        return allowedNext().contains(next);
    }

    /** Editors change the copy until a chief editor approved it; after that only a correction changes it. */
    public boolean editable() {
        return this == NEW || this == IN_REVIEW || this == REJECTED;
    }
}
