package org.newsroom.publish.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Readable, URL-safe addresses of publications, made from their headlines. */
public final class Slugs {
    public static final int MAX_LENGTH = 80;
    /** For a headline with nothing slug-worthy in it (e.g. only non-Latin script). */
    static final String FALLBACK = "story";

    private Slugs() {}

    /**
     * Lower-case ASCII letters and digits, every other run of characters one '-', no leading or trailing '-', at
     * most {@value #MAX_LENGTH} characters. Accents are dropped first, so "Café" gives "cafe", not "caf".
     */
    public static String of(String headline) {
        String ascii = Normalizer.normalize(headline == null ? "" : headline, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = trimDashes(ascii.replaceAll("[^a-z0-9]+", "-"));
        slug = cut(slug, MAX_LENGTH);
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** The {@code n}-th candidate for a base slug: the base itself, then base-2, base-3 … still within the limit. */
    public static String candidate(String base, int n) {
        return n <= 1 ? base : withSuffix(base, Integer.toString(n));
    }

    /** The base slug, shortened if need be, then '-' and the suffix, within the limit. */
    public static String withSuffix(String base, String suffix) {
        String tail = "-" + suffix;
        return cut(base, MAX_LENGTH - tail.length()) + tail;
    }

    private static String cut(String slug, int max) {
        return slug.length() <= max ? slug : trimDashes(slug.substring(0, max));
    }

    private static String trimDashes(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
