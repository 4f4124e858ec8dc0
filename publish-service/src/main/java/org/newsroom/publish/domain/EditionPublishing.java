package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;
import org.newsroom.publish.messaging.EditionEvents;

/**
 * Publishes approved editions: at once, or at their {@code publishAt}. The schedule lives in the database, so it
 * survives restarts; due editions are claimed with {@code FOR UPDATE SKIP LOCKED} and published only while still
 * SCHEDULED, so with several replicas each edition is published exactly once.
 */
@ApplicationScoped
public class EditionPublishing {

    @Inject
    EntityManager entityManager;

    @Inject
    EditionEvents events;

    @Inject
    PublishingCounters counters;

    /** Takes an approval in once (the edition id is the natural key); publishes it if it is due. */
    @Transactional
    public void receive(EditionApproved approval) {
        if (Edition.findById(approval.editionId()) != null) {
            return;
        }
        Edition edition = new Edition();
        edition.id = approval.editionId();
        edition.slug = freeSlug(approval.date().toString());
        edition.title = approval.title();
        edition.date = approval.date();
        edition.snapshot = EventCodec.encode(approval);
        edition.status = Edition.Status.SCHEDULED;
        edition.publishAt = approval.publishAt();
        edition.persist();
        if (approval.publishAt() == null || !approval.publishAt().isAfter(Instant.now())) {
            publish(edition);
        }
    }

    /** Called by {@link PublishingSchedule}. */
    @Transactional
    public void publishDue() {
        dueEditions().forEach(this::publish);
    }

    @SuppressWarnings("unchecked")
    private List<Edition> dueEditions() {
        return entityManager.createNativeQuery("""
                SELECT * FROM edition WHERE status = 'SCHEDULED' AND publish_at <= now()
                ORDER BY publish_at LIMIT 20 FOR UPDATE SKIP LOCKED""", Edition.class).getResultList();
    }

    private void publish(Edition edition) {
        edition.status = Edition.Status.PUBLISHED;
        edition.publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        events.published(edition);
        counters.editionPublished();
    }

    /** The edition's date; a second edition on the same date gets date-2, and so on. */
    private static String freeSlug(String base) {
        for (int n = 1; ; n++) {
            String slug = Slugs.candidate(base, n);
            if (Edition.count("slug", slug) == 0) {
                return slug;
            }
        }
    }
}
