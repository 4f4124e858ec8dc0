package org.newsroom.editorial.domain;

import java.util.EnumSet;
import java.util.Set;

/** The editorial workflow as an explicit state machine; the desk's rules live here, not in the resources. */
public enum StoryStatus {
    NEW,
    APPROVED;

    public Set<StoryStatus> allowedNext() {
        return switch (this) {
            case NEW -> EnumSet.of(APPROVED);
            case APPROVED -> EnumSet.noneOf(StoryStatus.class);
        };
    }

    public boolean canMoveTo(StoryStatus next) {
        return allowedNext().contains(next);
    }
}
