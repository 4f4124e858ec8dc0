package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;

/**
 * Publishes approved editions: at once, or at their {@code publishAt}, and never before every story in them is
 * public. An edition shows its stories' texts, so an edition approved with an embargoed or scheduled story (or one
 * whose approval has not arrived here yet) waits until that story is public on its own; whatever editorial sends,
 * no page, feed, API answer or event reveals a story early. The schedule lives in the database, so it survives
 * restarts; due editions are claimed with {@code FOR UPDATE SKIP LOCKED} and published only while still SCHEDULED,
 * so with several replicas each edition is published exactly once.
 */
@ApplicationScoped
public class EditionPublishing {
    private static final Logger LOG = Logger.getLogger(EditionPublishing.class);

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
        edition.slug = Edition.freeSlug(approval.date());
        edition.title = approval.title();
        edition.date = approval.date();
        edition.snapshot = EventCodec.encode(approval);
        edition.status = Edition.Status.SCHEDULED;
        edition.publishAt = approval.publishAt();
        edition.storyIds = Edition.storyIds(approval);
        edition.persist();
        if (approval.publishAt() != null && approval.publishAt().isAfter(Instant.now())) {
            return;
        }
        if (Publication.allEverPublic(edition.storyIds)) {
            publish(edition);
        } else {
            LOG.infof(
                    "Edition %s held until every story in it is public (embargo, schedule or approval to come)",
                    edition.id);
        }
    }

    /** Called by {@link PublishingSchedule}. */
    @Transactional
    public void publishDue() {
        dueEditions().forEach(this::publish);
    }

    /** Due, and no story in it is still unpublished here. */
    @SuppressWarnings("unchecked")
    private List<Edition> dueEditions() {
        return entityManager.createNativeQuery("""
                SELECT * FROM edition e
                WHERE e.status = 'SCHEDULED' AND (e.publish_at IS NULL OR e.publish_at <= now())
                  AND NOT EXISTS (SELECT 1 FROM unnest(e.story_ids) AS s(story_id)
                                  WHERE NOT EXISTS (SELECT 1 FROM publication p
                                                    WHERE p.story_id = s.story_id AND p.published_at IS NOT NULL))
                ORDER BY e.publish_at NULLS FIRST LIMIT 20 FOR UPDATE OF e SKIP LOCKED""", Edition.class).getResultList();
    }

    private void publish(Edition edition) {
        edition.status = Edition.Status.PUBLISHED;
        edition.publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        events.published(edition);
        counters.editionPublished();
    }
}
