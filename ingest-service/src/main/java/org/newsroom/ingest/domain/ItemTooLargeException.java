package org.newsroom.ingest.domain;

/** An item refused because its event would be too large to relay ({@link ItemLimits}). */
public final class ItemTooLargeException extends RuntimeException {
    private final String field;
    private final String reason;

    ItemTooLargeException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The item's field, as {@link NewItem} names it. */
    public String field() {
        return field;
    }

    /** Why, without the field's name, for answers that name the field apart. */
    public String reason() {
        return reason;
    }
}
