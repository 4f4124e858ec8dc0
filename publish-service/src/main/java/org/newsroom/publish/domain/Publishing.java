package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.StoryKilled;

/**
 * A publication's life: approved stories become publications (held until their embargo ends), corrections become
 * new versions, kills retract. Every change and the event announcing it commit in one transaction.
 */
@ApplicationScoped
public class Publishing {
    private static final Logger LOG = Logger.getLogger(Publishing.class);
    /** Past this many taken slugs for one headline, the slug gets a unique suffix instead of a counter. */
    private static final int MAX_NUMBERED_SLUGS = 100;

    @Inject
    EntityManager entityManager;

    @Inject
    PublicationEvents events;

    @Inject
    PublishingCounters counters;

    public record Outcome(Publication publication, boolean created) {}

    /**
     * Publishes an approved story once, or holds it until its embargo ends. Besides the consumer's inbox (which knows
     * event ids), the story id is a natural key: a second approval of the same story, under a new event id, publishes
     * nothing more.
     */
    @Transactional
    public Outcome publish(StoryApproved story) {
        var known = Publication.findByStoryId(story.storyId());
        if (known.isPresent()) {
            return new Outcome(known.get(), false);
        }
        UUID id = UUID.randomUUID();
        String base = Slugs.of(story.headline());
        for (int n = 1; ; n++) {
            String slug = n <= MAX_NUMBERED_SLUGS
                    ? Slugs.candidate(base, n)
                    : Slugs.withSuffix(base, UUID.randomUUID().toString().substring(0, 8));
            if (Publication.findBySlug(slug).isPresent()) {
                continue;
            }
            if (claim(id, story, slug)) {
                return new Outcome(fill(id, story), true);
            }
            // Lost a race: another replica took this slug, or published this very story, since we looked.
            known = Publication.findByStoryId(story.storyId());
            if (known.isPresent()) {
                return new Outcome(known.get(), false);
            }
        }
    }

    /** A correction of a public story is its next version; one still under embargo is simply replaced. */
    @Transactional
    public void correct(StoryCorrected correction) {
        Publication publication =
                Publication.findByStoryId(correction.storyId()).orElse(null);
        if (publication == null || publication.status == Publication.Status.RETRACTED) {
            LOG.infof("Correction of story %s skipped: not published here, or retracted", correction.storyId());
            return;
        }
        publication.article = Article.of(correction);
        publication.sectionKeys = publication.article.sectionKeys();
        if (publication.status == Publication.Status.EMBARGOED) {
            return;
        }
        publication.version++;
        publication.correctionNote = correction.correctionNote();
        publication.updatedAt = now();
        PublicationVersion.of(publication, publication.updatedAt).persist();
        events.updated(publication);
        counters.updated();
    }

    /** Retracted at once; announced only if readers ever saw it. */
    @Transactional
    public void retract(StoryKilled kill) {
        Publication publication = Publication.findByStoryId(kill.storyId()).orElse(null);
        if (publication == null || publication.status == Publication.Status.RETRACTED) {
            return;
        }
        boolean wasPublic = publication.isPublic();
        publication.status = Publication.Status.RETRACTED;
        publication.retractionReason = kill.reason();
        publication.retractedAt = now();
        if (wasPublic) {
            events.retracted(publication);
            counters.retracted();
        }
    }

    /**
     * Publishes held publications whose embargo has ended, claimed with {@code FOR UPDATE SKIP LOCKED}: with several
     * replicas each is published by exactly one of them, once.
     */
    @Transactional
    public void releaseDue() {
        dueEmbargoes().forEach(this::makePublic);
    }

    @SuppressWarnings("unchecked")
    private List<Publication> dueEmbargoes() {
        return entityManager.createNativeQuery("""
                SELECT * FROM publication WHERE status = 'EMBARGOED' AND embargoed_until <= now()
                ORDER BY embargoed_until LIMIT 20 FOR UPDATE SKIP LOCKED""", Publication.class).getResultList();
    }

    private Publication fill(UUID id, StoryApproved story) {
        Publication publication = Publication.findById(id);
        publication.article = Article.of(story);
        publication.sectionKeys = publication.article.sectionKeys();
        publication.embargoedUntil = story.embargoedUntil();
        if (story.embargoedUntil() == null || !story.embargoedUntil().isAfter(Instant.now())) {
            makePublic(publication);
        }
        return publication;
    }

    private void makePublic(Publication publication) {
        publication.status = Publication.Status.PUBLISHED;
        publication.publishedAt = now();
        PublicationVersion.of(publication, publication.publishedAt).persist();
        events.published(publication);
        counters.published();
    }

    /**
     * Claims the story id and the slug unless either is taken, waiting for a concurrent insert of the same key to
     * commit or roll back: a conflict never aborts the transaction, so the consumer never dead-letters a valid event
     * for it. The publication starts held; {@link #fill} completes it.
     */
    private boolean claim(UUID id, StoryApproved story, String slug) {
        return entityManager
                        .createNativeQuery("""
                INSERT INTO publication (id, story_id, slug, headline, outlet, version, status)
                VALUES (?1, ?2, ?3, ?4, ?5, 1, 'EMBARGOED')
                ON CONFLICT DO NOTHING""")
                        .setParameter(1, id)
                        .setParameter(2, story.storyId())
                        .setParameter(3, slug)
                        .setParameter(4, story.headline().strip())
                        .setParameter(5, story.attribution().outlet())
                        .executeUpdate()
                == 1;
    }

    /** PostgreSQL keeps microseconds: the event and the API then show the very same instant. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
