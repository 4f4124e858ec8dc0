package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;

/** The days on which something became public: stories by their publication day (UTC), editions by their date. */
@ApplicationScoped
public class Archive {
    /** How far back the index reaches: a year of days. */
    public static final int MAX_DAYS = 366;

    @Inject
    EntityManager entityManager;

    public record Day(LocalDate date, long stories, long editions) {}

    /** Days newest first, from {@code offset} (0 = the newest), at most {@code limit}, never past {@link #MAX_DAYS}. */
    public List<Day> days(int offset, int limit) {
        List<?> rows = entityManager
                .createNativeQuery("""
                SELECT day, SUM(stories), SUM(editions) FROM (
                    SELECT CAST(published_at AT TIME ZONE 'UTC' AS DATE) AS day, 1 AS stories, 0 AS editions
                    FROM publication WHERE status = 'PUBLISHED'
                    UNION ALL
                    SELECT edition_date, 0, 1 FROM edition WHERE status = 'PUBLISHED') AS published
                GROUP BY day ORDER BY day DESC OFFSET ?1 LIMIT ?2""")
                .setParameter(1, offset)
                .setParameter(2, Math.max(0, Math.min(limit, MAX_DAYS - offset)))
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Day(date(row[0]), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
