package org.newsroom.editorial.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A reader's grade (1–5) of a publication. */
@Entity
public class Grade extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "publication_id")
    public UUID publicationId;

    public short grade;

    public String client;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Count and average of the grades of a publication. */
    public record Summary(long count, Double average) {}

    public static Summary of(UUID publicationId) {
        if (publicationId == null) {
            return new Summary(0, null);
        }
        Object[] row = getEntityManager()
                .createQuery("select count(g), avg(g.grade) from Grade g where g.publicationId = :p", Object[].class)
                .setParameter("p", publicationId)
                .getSingleResult();
        return new Summary((Long) row[0], (Double) row[1]);
    }
}
