package org.newsroom.publish.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a publication exactly as readers saw it; never changed once written. */
@Entity
@Table(name = "publication_version")
public class PublicationVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "publication_id")
    public UUID publicationId;

    public int version;

    @Embedded
    public Article article;

    @Column(name = "correction_note")
    public String correctionNote;

    /** When this version became public. */
    @Column(name = "created_at")
    public Instant createdAt;

    static PublicationVersion of(Publication publication, Instant createdAt) {
        PublicationVersion version = new PublicationVersion();
        version.id = UUID.randomUUID();
        version.publicationId = publication.id;
        version.version = publication.version;
        version.article = publication.article.copy();
        version.correctionNote = publication.correctionNote;
        version.createdAt = createdAt;
        return version;
    }

    public static List<PublicationVersion> history(UUID publicationId) {
        return list("publicationId", Sort.ascending("version"), publicationId);
    }
}
