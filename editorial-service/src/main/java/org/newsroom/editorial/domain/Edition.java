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
