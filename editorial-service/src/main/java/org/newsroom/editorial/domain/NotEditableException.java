package org.newsroom.editorial.domain;

/** An edit of a story whose copy is frozen by the workflow (approved or later: only a correction changes it). */
public class NotEditableException extends RuntimeException {
    private final transient StoryStatus status;

    public NotEditableException(StoryStatus status) {
        super("A " + status + " story cannot be edited"
                + (status == StoryStatus.PUBLISHED || status == StoryStatus.CORRECTED
                        ? "; a chief editor corrects it instead"
                        : ""));
        this.status = status;
    }

    public StoryStatus status() {
        return status;
    }
}
