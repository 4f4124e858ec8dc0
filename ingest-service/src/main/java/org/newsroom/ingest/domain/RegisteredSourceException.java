package org.newsroom.ingest.domain;

/** A manual push named a registered source: its items come only through its own channel. */
public class RegisteredSourceException extends RuntimeException {
    private final String source;
    private final String kind;

    public RegisteredSourceException(String source, String kind) {
        super("source " + source + " is a registered " + kind);
        this.source = source;
        this.kind = kind;
    }

    public String source() {
        return source;
    }

    public String kind() {
        return kind;
    }
}
