package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What search engines are told exists: every public story and edition by its address and last change (newest
 * first, within one sitemap file's 50,000 addresses), and the ones published lately for the news sitemap.
 */
@ApplicationScoped
public class Sitemap {
    /** One sitemap file holds at most 50,000 addresses; these and the few fixed pages stay below it. */
    public static final int STORIES = 40_000;

    public static final int EDITIONS = 9_000;

    /** A news sitemap lists at most 1,000 articles. */
    public static final int NEWS = 1_000;

    @Inject
    EntityManager entityManager;

    /** A page to list: a story's or edition's slug, its title, when it became public and when it last changed. */
    public record Entry(String slug, String title, Instant published, Instant modified) {}

    public List<Entry> stories(Instant since, int limit) {
        return entries("""
                SELECT slug, headline, published_at, COALESCE(updated_at, published_at) FROM publication
                WHERE status = 'PUBLISHED' AND published_at >= ?1 ORDER BY published_at DESC, id DESC LIMIT ?2""", since, limit);
    }

    public List<Entry> editions(Instant since, int limit) {
        return entries("""
                SELECT slug, title, published_at, published_at FROM edition
                WHERE status = 'PUBLISHED' AND published_at >= ?1 ORDER BY published_at DESC, id DESC LIMIT ?2""", since, limit);
    }

    private List<Entry> entries(String sql, Instant since, int limit) {
        List<?> rows = entityManager
                .createNativeQuery(sql)
                .setParameter(1, since)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Entry((String) row[0], (String) row[1], instant(row[2]), instant(row[3])))
                .toList();
    }

    /** As the JDBC driver hands a timestamptz to a native query, whichever type that is. */
    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp sql) {
            return sql.toInstant();
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
