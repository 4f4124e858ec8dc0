package org.newsroom.editorial.domain;

/** The event a change would announce is larger than Kafka takes, so the change is refused before it is made. */
public class EventTooLargeException extends RuntimeException {
    private final String field;
    private final int fieldBytes;

    public EventTooLargeException(String eventType, int bytes, String field, int fieldBytes) {
        super(eventType + " would be " + bytes + " bytes, above the " + Limits.EVENT_BYTES
                + " an event may have (Kafka refuses records above 1 MiB)");
        this.field = field;
        this.fieldBytes = fieldBytes;
    }

    /** The event's largest field: what to shorten (or, for an edition, which part to trim). */
    public String field() {
        return field;
    }

    public int fieldBytes() {
        return fieldBytes;
    }
}
