package org.newsroom.editorial.api;

/** The desk's roles, carried in the bearer token's {@code groups} claim. */
final class Roles {
    static final String EDITOR = "editor";
    static final String CHIEF_EDITOR = "chief-editor";

    private Roles() {}
}
