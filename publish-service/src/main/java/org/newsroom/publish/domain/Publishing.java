package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.newsroom.events.StoryApproved;
import org.newsroom.publish.messaging.PublicationEvents;

/** Turns approved stories into publications and announces each one, in the same transaction. */
@ApplicationScoped
public class Publishing {
    /** Past this many taken slugs for one headline, the slug gets a unique suffix instead of a counter. */
    private static final int MAX_NUMBERED_SLUGS = 100;

    @Inject
    EntityManager entityManager;

    @Inject
    PublicationEvents events;

    public record Outcome(Publication publication, boolean created) {
    }

    /**
     * Publishes an approved story once. Besides the consumer's inbox (which knows event ids), the story id is a
     * natural key: a second approval of the same story, under a new event id, publishes nothing more.
     */
    @Transactional
    public Outcome publish(StoryApproved story) {
        var known = Publication.findByStoryId(story.storyId());
        if (known.isPresent()) {
            return new Outcome(known.get(), false);
        }
        UUID id = UUID.randomUUID();
        // PostgreSQL keeps microseconds: the event and the API then show the very same instant.
        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String base = Slugs.of(story.headline());
        for (int n = 1; ; n++) {
            String slug = n <= MAX_NUMBERED_SLUGS ? Slugs.candidate(base, n)
                    : Slugs.withSuffix(base, UUID.randomUUID().toString().substring(0, 8));
            if (Publication.findBySlug(slug).isPresent()) {
                continue;
            }
            if (insert(id, story, slug, publishedAt)) {
                Publication publication = Publication.findById(id);
                events.published(publication);
                return new Outcome(publication, true);
            }
            // Lost a race: another replica took this slug, or published this very story, since we looked.
            known = Publication.findByStoryId(story.storyId());
            if (known.isPresent()) {
                return new Outcome(known.get(), false);
            }
        }
    }

    /**
     * Inserts unless a unique key (story id, slug) is taken, waiting for a concurrent insert of the same key to
     * commit or roll back: a conflict never aborts the transaction, so the consumer never dead-letters a valid event
     * for it.
     */
    private boolean insert(UUID id, StoryApproved story, String slug, Instant publishedAt) {
        return entityManager.createNativeQuery("""
                INSERT INTO publication (id, story_id, slug, headline, summary, byline, outlet, outlet_url, version,
                                         published_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, id)
                .setParameter(2, story.storyId())
                .setParameter(3, slug)
                .setParameter(4, story.headline().strip())
                .setParameter(5, story.summary())
                .setParameter(6, story.byline())
                .setParameter(7, story.attribution().outlet())
                .setParameter(8, story.attribution().url())
                .setParameter(9, publishedAt)
                .executeUpdate() == 1;
    }
}
