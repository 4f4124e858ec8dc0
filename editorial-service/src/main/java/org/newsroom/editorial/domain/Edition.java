package org.newsroom.editorial.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;

/** An edition of the newsletter: a lead story framed by an editor's note, then numbered briefs. */
@Entity
public class Edition extends PanacheEntityBase {

    public enum Status {
        DRAFT,
        APPROVED
    }

    @Id
    public UUID id;

    public String title;

    @Column(name = "edition_date")
    public LocalDate date;

    @Column(name = "lead_story")
    public UUID leadStory;

    @Column(name = "lead_note")
    public String leadNote;

    /** Story ids of the briefs, in the order readers see them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "uuid[]")
    public UUID[] briefs = new UUID[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] sections = new String[0];

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "publish_at")
    public Instant publishAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    /** JSON of the {@code news.edition.approved.v1} snapshot taken at approval. */
    @Column(name = "approved_snapshot")
    public String approvedSnapshot;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    private static final String NEWEST_FIRST = "order by date desc, createdAt desc, id desc";

    /**
     * One page of editions, newest first by date then by creation, after the position {@code (date, createdAt, id)}
     * (if any); one more than asked tells there is a next page.
     */
    public static List<Edition> recent(LocalDate afterDate, Instant afterCreated, UUID afterId, int limit) {
        var query = afterDate == null
                ? Edition.<Edition>find(NEWEST_FIRST)
                : Edition.<Edition>find(
                        "date < ?1 or (date = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))) " + NEWEST_FIRST,
                        afterDate,
                        afterCreated,
                        afterId);
        return query.page(0, limit + 1).list();
    }

    public EditionApproved snapshot() {
        return approvedSnapshot == null ? null : EventCodec.decode(approvedSnapshot, EditionApproved.class);
    }

    public List<UUID> briefList() {
        return briefs == null ? List.of() : Arrays.asList(briefs);
    }

    public List<String> sectionList() {
        return sections == null ? List.of() : Arrays.asList(sections);
    }
}
