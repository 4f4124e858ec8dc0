package org.newsroom.ingest.api;

/** The roles ingest takes, carried in the bearer token's {@code groups} claim. */
final class Roles {
    /** Operations: sources, their keys and fetches. */
    static final String INGEST_ADMIN = "ingest-admin";

    static final String EDITOR = "editor";
    static final String CHIEF_EDITOR = "chief-editor";

    private Roles() {}
}
