package org.newsroom.events;

/** Refuses a payload that lacks a field its schema requires, so a schema-invalid record fails to decode. */
final class Required {
    private Required() {}

    static <T> T field(T value, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException("missing required field '" + name + "'");
        }
        return value;
    }
}
