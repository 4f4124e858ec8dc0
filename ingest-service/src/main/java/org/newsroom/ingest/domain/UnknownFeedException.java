package org.newsroom.ingest.domain;

import java.util.UUID;

/** A fetch asked for a feed source that is not (or no longer) there, or is a partner, which is never fetched. */
public final class UnknownFeedException extends RuntimeException {
    private final UUID sourceId;

    public UnknownFeedException(UUID sourceId) {
        super("No feed source " + sourceId);
        this.sourceId = sourceId;
    }

    public UUID sourceId() {
        return sourceId;
    }
}
