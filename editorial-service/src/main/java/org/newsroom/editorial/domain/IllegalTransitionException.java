package org.newsroom.editorial.domain;

import java.util.Set;

/** A workflow move the desk's rules do not allow from the story's current status. */
public class IllegalTransitionException extends RuntimeException {
    private final transient StoryStatus from;
    private final transient StoryStatus to;

    public IllegalTransitionException(StoryStatus from, StoryStatus to) {
        super("A " + from + " story cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public StoryStatus from() {
        return from;
    }

    public StoryStatus to() {
        return to;
    }

    public Set<StoryStatus> allowed() {
        return from.allowedNext();
    }
}
