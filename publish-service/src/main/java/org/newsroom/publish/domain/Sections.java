package org.newsroom.publish.domain;

/** Sections are addressed by the slug of their name: "Geo-economics" and "geo economics" are one section. */
public final class Sections {

    private Sections() {}

    public static String key(String section) {
        return Slugs.of(section);
    }
}
