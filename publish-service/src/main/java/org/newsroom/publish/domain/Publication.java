package org.newsroom.publish.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A story as readers see it: one per approved story, addressed by its slug. Held while embargoed; once public, a
 * correction makes a new version (each kept in {@link PublicationVersion}) and a kill retracts it.
 */
@Entity
public class Publication extends PanacheEntityBase {

    public enum Status {
        EMBARGOED,
        PUBLISHED,
        RETRACTED
    }

    @Id
    public UUID id;

    @Column(name = "story_id")
    public UUID storyId;

    public String slug;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The current version. */
    @Embedded
    public Article article;

    @Column(name = "section_keys")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> sectionKeys;

    public int version;

    /** The correction note of the current version; null for version 1. */
    @Column(name = "correction_note")
    public String correctionNote;

    /** When version 1 became public; null while embargoed. */
    @Column(name = "published_at")
    public Instant publishedAt;

    /** When the current version became public; null for version 1. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "embargoed_until")
    public Instant embargoedUntil;

    @Column(name = "retraction_reason")
    public String retractionReason;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    public boolean isPublic() {
        return status == Status.PUBLISHED;
    }

    /** Retracted after readers saw it: its address answers with the retraction notice, not "not found". */
    public boolean isRetractedFromPublic() {
        return status == Status.RETRACTED && publishedAt != null;
    }

    /** When what readers see last changed. */
    public Instant lastModified() {
        return updatedAt != null ? updatedAt : publishedAt;
    }

    public static Optional<Publication> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<Publication> findByStoryId(UUID storyId) {
        return find("storyId", storyId).firstResultOptional();
    }

    /**
     * Whether every one of these stories has been public (an embargo ended; a later retraction does not undo that).
     * A story this service has not seen approved counts as not public.
     */
    public static boolean allEverPublic(List<UUID> storyIds) {
        return count("storyId in ?1 and publishedAt is not null", storyIds) == storyIds.size();
    }

    /** Public publications, newest first. */
    @SuppressWarnings("unchecked")
    public static List<Publication> listPublic(PublicationFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM publication WHERE status = 'PUBLISHED'");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.sectionKey() != null) {
            sql.append(" AND CAST(:section AS TEXT) = ANY(section_keys)");
            parameters.put("section", filter.sectionKey());
        }
        if (filter.since() != null) {
            sql.append(" AND published_at >= :since");
            parameters.put("since", filter.since());
        }
        if (filter.after() != null) {
            sql.append(" AND (published_at, id) < (:afterTime, :afterId)");
            parameters.put("afterTime", filter.after().publishedAt());
            parameters.put("afterId", filter.after().id());
        }
        sql.append(" ORDER BY published_at DESC, id DESC LIMIT :limit");
        parameters.put("limit", filter.limit());
        Query query = getEntityManager().createNativeQuery(sql.toString(), Publication.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * The sections that hold the most public stories and editions (an edition's sections are what a newsletter's
     * topics match), most first, each as one of its spellings: two spellings of one section, e.g. "Geo-economics"
     * and "geo economics", are one section (see {@link Sections}).
     */
    @SuppressWarnings("unchecked")
    public static List<String> busiestSections(int limit) {
        List<String> spellings = getEntityManager()
                .createNativeQuery("""
                        SELECT section FROM (
                            SELECT unnest(sections) AS section FROM publication WHERE status = 'PUBLISHED'
                            UNION ALL
                            SELECT jsonb_array_elements_text(CASE jsonb_typeof(CAST(snapshot AS jsonb) -> 'sections')
                                WHEN 'array' THEN CAST(snapshot AS jsonb) -> 'sections' ELSE CAST('[]' AS jsonb) END)
                            FROM edition WHERE status = 'PUBLISHED') AS named
                        GROUP BY section ORDER BY count(*) DESC, section LIMIT :spellings""")
                .setParameter("spellings", limit * 4)
                .getResultList();
        Map<String, String> byKey = new LinkedHashMap<>();
        spellings.forEach(name -> byKey.putIfAbsent(Sections.key(name), name));
        return byKey.values().stream().limit(limit).toList();
    }

    /** Public publications first published on a day (UTC), newest first. */
    public static List<Publication> publishedOn(LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return list(
                "status = ?1 and publishedAt >= ?2 and publishedAt < ?3",
                Sort.descending("publishedAt", "id"),
                Status.PUBLISHED,
                start,
                start.plus(1, ChronoUnit.DAYS));
    }
}
