package org.newsroom.notify.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.newsroom.events.PublicationPublished;

/**
 * Turns a publication into one pending delivery per active subscriber. The unique (subscriber, publication) pair
 * makes this idempotent on top of the inbox: a publication announced again, under any event id, adds nothing.
 */
@ApplicationScoped
public class Newsletter {

    public static final String CHANNEL = "email";

    @Inject
    EntityManager entityManager;

    /** @return how many deliveries were added */
    @Transactional(Transactional.TxType.MANDATORY)
    public int schedule(PublicationPublished publication) {
        entityManager.createNativeQuery("""
                INSERT INTO publication_notice (publication_id, slug, url, headline, summary, byline, outlet,
                                                outlet_url, version, published_at, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, publication.publicationId())
                .setParameter(2, publication.slug())
                .setParameter(3, publication.url())
                .setParameter(4, publication.headline())
                .setParameter(5, publication.summary())
                .setParameter(6, publication.byline())
                .setParameter(7, publication.attribution().outlet())
                .setParameter(8, publication.attribution().url())
                .setParameter(9, publication.version())
                .setParameter(10, publication.publishedAt())
                .setParameter(11, Instant.now())
                .executeUpdate();
        // Set-based fan-out: the database copies the subscriber ids, however many there are.
        return entityManager.createNativeQuery("""
                INSERT INTO delivery (id, subscriber_id, publication_id, channel, status, attempts, next_attempt_at,
                                      created_at)
                SELECT gen_random_uuid(), s.id, ?1, ?2,
                       CASE WHEN EXISTS (SELECT 1 FROM suppression x WHERE x.email = s.email)
                            THEN 'SUPPRESSED' ELSE 'PENDING' END, 0, now(), now()
                FROM subscriber s WHERE s.status = 'ACTIVE'
                ON CONFLICT (subscriber_id, publication_id) DO NOTHING""")
                .setParameter(1, publication.publicationId())
                .setParameter(2, CHANNEL)
                .executeUpdate();
    }

    /** suppressed: not mailed on purpose (suppressed address, or the reader left before the send). */
    public record Summary(long sent, long pending, long failed, long suppressed) {
    }

    /** @return the delivery counts of a publication, empty when this service never heard of it */
    @Transactional
    public java.util.Optional<Summary> summary(UUID publicationId) {
        boolean known = !entityManager.createNativeQuery(
                "SELECT 1 FROM publication_notice WHERE publication_id = ?1")
                .setParameter(1, publicationId).getResultList().isEmpty();
        if (!known) {
            return java.util.Optional.empty();
        }
        long sent = 0;
        long pending = 0;
        long failed = 0;
        long suppressed = 0;
        for (Object row : entityManager.createNativeQuery(
                "SELECT status, count(*) FROM delivery WHERE publication_id = ?1 GROUP BY status")
                .setParameter(1, publicationId).getResultList()) {
            Object[] columns = (Object[]) row;
            long count = ((Number) columns[1]).longValue();
            switch ((String) columns[0]) {
                case "SENT" -> sent = count;
                case "PENDING" -> pending = count;
                case "FAILED" -> failed = count;
                case "SUPPRESSED" -> suppressed = count;
                default -> {
                }
            }
        }
        return java.util.Optional.of(new Summary(sent, pending, failed, suppressed));
    }
}
