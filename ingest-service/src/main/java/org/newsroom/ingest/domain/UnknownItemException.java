package org.newsroom.ingest.domain;

/** A withdrawal of an item the source never sent. */
public final class UnknownItemException extends RuntimeException {
    private final String source;
    private final String externalId;

    UnknownItemException(String source, String externalId) {
        super("no item " + externalId + " of " + source);
        this.source = source;
        this.externalId = externalId;
    }

    public String source() {
        return source;
    }

    public String externalId() {
        return externalId;
    }
}
