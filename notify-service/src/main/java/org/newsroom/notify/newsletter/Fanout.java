package org.newsroom.notify.newsletter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.notify.domain.DeliveryEvents;
import org.newsroom.notify.domain.NotifySettings;

/**
 * Writes the delivery rows of an edition or breaking publication, one keyset page of subscribers at a time, each
 * page in a short transaction that also advances the fan-out's cursor. Nothing about the subscribers passes
 * through this JVM (the database copies the ids), no transaction grows with the readership, and the sender starts
 * on the first page while later ones are written. A fan-out is claimed with {@code SKIP LOCKED}, so replicas
 * share several fan-outs; a crash loses at most the page in progress, which is written again (the unique
 * (subscriber, edition|publication) pair makes that harmless).
 */
@ApplicationScoped
public class Fanout {
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    enum Kind {
        /** Readers without topics, or editions without sections, match everything. */
        EDITION("edition_id", "e.sections = '' OR "),
        /** A breaking publication reaches readers of its sections, and readers without topics. */
        PUBLICATION("publication_id", "");

        private final String column;
        private final String unsectionedMatchesAll;

        Kind(String column, String unsectionedMatchesAll) {
            this.column = column;
            this.unsectionedMatchesAll = unsectionedMatchesAll;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    NotifySettings config;

    /** Records that the subject is to be fanned out; the same subject again adds nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    void start(UUID subjectId, Kind kind, String sections) {
        entityManager
                .createNativeQuery("""
                INSERT INTO fanout (subject_id, kind, sections, after_subscriber, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, subjectId)
                .setParameter(2, kind.name())
                .setParameter(3, sections)
                .setParameter(4, BEFORE_ALL)
                .setParameter(5, Instant.now())
                .executeUpdate();
    }

    /** No more pages. Waits for a page being written (its row lock), so that page's rows exist once this returns. */
    @Transactional(Transactional.TxType.MANDATORY)
    void stop(UUID subjectId) {
        entityManager
                .createNativeQuery("UPDATE fanout SET done = true WHERE subject_id = ?1 AND NOT done")
                .setParameter(1, subjectId)
                .executeUpdate();
    }

    /** Writes pages of delivery rows until no fan-out is left unfinished. */
    public void fanOutDue() {
        while (QuarkusTransaction.requiringNew().call(this::nextPage)) {
            // one page per transaction, until no fan-out is left unfinished
        }
    }

    /** @return whether a page was written (there may be more) */
    @SuppressWarnings("unchecked")
    boolean nextPage() {
        List<Object[]> due = entityManager.createNativeQuery("""
                SELECT subject_id, kind, sections, after_subscriber FROM fanout WHERE NOT done
                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
        if (due.isEmpty()) {
            return false;
        }
        UUID subject = (UUID) due.get(0)[0];
        Kind kind = Kind.valueOf((String) due.get(0)[1]);
        Object[] page = (Object[]) entityManager
                .createNativeQuery(page(kind))
                .setParameter(1, subject)
                .setParameter(2, (String) due.get(0)[2])
                .setParameter(3, (UUID) due.get(0)[3])
                .setParameter(4, config.fanoutPageSize())
                .setParameter(5, DeliveryEvents.EMAIL)
                .getSingleResult();
        long size = ((Number) page[0]).longValue();
        entityManager
                .createNativeQuery("""
                UPDATE fanout SET after_subscriber = COALESCE(?2, after_subscriber), done = ?3, pages = pages + 1
                WHERE subject_id = ?1""")
                .setParameter(1, subject)
                .setParameter(2, (UUID) page[1])
                .setParameter(3, size < config.fanoutPageSize())
                .executeUpdate();
        return true;
    }

    /** ?1 subject, ?2 its sections, ?3 the cursor, ?4 the page size, ?5 the channel. */
    private static String page(Kind kind) {
        return """
                WITH e AS (SELECT CAST(?2 AS text) AS sections),
                page AS (
                    SELECT s.id, s.email FROM subscriber s, e
                    WHERE s.status = 'ACTIVE' AND NOT s.paused AND s.id > ?3
                      AND (%2$ss.topics = '' OR string_to_array(s.topics, ',') && string_to_array(e.sections, ','))
                    ORDER BY s.id LIMIT ?4),
                written AS (
                    INSERT INTO delivery (id, subscriber_id, %1$s, channel, status, attempts, next_attempt_at,
                                          created_at)
                    SELECT gen_random_uuid(), p.id, ?1, ?5,
                           CASE WHEN EXISTS (SELECT 1 FROM suppression x WHERE x.email = p.email)
                                THEN 'SUPPRESSED' ELSE 'PENDING' END, 0, now(), now()
                    FROM page p
                    ON CONFLICT (subscriber_id, %1$s) DO NOTHING)
                SELECT (SELECT count(*) FROM page), (SELECT id FROM page ORDER BY id DESC LIMIT 1)""".formatted(kind.column, kind.unsectionedMatchesAll);
    }
}
