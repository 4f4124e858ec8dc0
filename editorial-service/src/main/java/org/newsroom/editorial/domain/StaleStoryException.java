package org.newsroom.editorial.domain;

/** A write based on a version of a story (or edition) that is no longer the current one (optimistic concurrency). */
public class StaleStoryException extends RuntimeException {
    private final long currentVersion;

    public StaleStoryException(long expected, long currentVersion) {
        super("It changed since you read it (you sent version " + expected + ", it is at version " + currentVersion
                + "); reload it and apply your change again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
