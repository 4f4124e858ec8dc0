package org.newsroom.ingest.domain;

/**
 * An item refused because nothing is left of its headline once sanitized: the desk cannot work with an item it
 * cannot name. Each channel answers in its own terms (a 422 naming its headline field, a skipped feed entry).
 */
public final class MissingHeadlineException extends RuntimeException {

    MissingHeadlineException() {
        super("an item needs a headline");
    }
}
