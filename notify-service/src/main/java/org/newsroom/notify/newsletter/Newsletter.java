package org.newsroom.notify.newsletter;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.PublicationRetracted;
import org.newsroom.notify.domain.NotifySettings;
import org.newsroom.notify.subscription.Section;
import org.newsroom.notify.subscription.Sections;
import org.newsroom.outbox.TraceContext;

/**
 * Turns an edition, or a breaking publication, into one pending delivery per matching active subscriber, written
 * before any email is attempted. The unique (subscriber, edition) and (subscriber, publication) pairs make this
 * idempotent on top of the inbox: an edition or publication announced again, under any event id, adds nothing.
 */
@ApplicationScoped
public class Newsletter {

    @Inject
    EntityManager entityManager;

    /** Deliveries are sent later, by another thread: the notice keeps the trace they continue. */
    @Inject
    TraceContext traceContext;

    @Inject
    Fanout fanout;

    @Inject
    NotifySettings config;

    @Inject
    Sections sections;

    private BreakingAlerts breaking;

    @PostConstruct
    void readBreakingSections() {
        breaking = BreakingAlerts.parse(config.breakingSections().orElse(""));
    }

    /**
     * Records the publication; only a breaking one (see {@link BreakingAlerts}) is mailed, to readers whose topics
     * match its sections (or who chose none); {@link Fanout} writes their delivery rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(PublicationPublished publication) {
        entityManager
                .createNativeQuery("""
                INSERT INTO publication_notice (publication_id, slug, url, headline, summary, byline, outlet,
                                                outlet_url, version, published_at, received_at, traceparent)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
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
                .setParameter(12, traceContext.current())
                .executeUpdate();
        sections.seen(publication.sections());
        if (breaking.covers(publication.sections())) {
            fanout.start(publication.publicationId(), Fanout.Kind.PUBLICATION, normalized(publication.sections()));
        }
    }

    /**
     * Turns an edition into one pending delivery per active subscriber whose topics overlap the edition's sections
     * (a subscriber without topics, or an edition without sections, matches everything). The edition itself is kept
     * as its event JSON and rendered per reader at send time. Idempotent like {@link #schedule(PublicationPublished)}.
     * The delivery rows are written by {@link Fanout}, page by page.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(EditionPublished edition) {
        this.sections.seen(edition.sections());
        String sections = normalized(edition.sections());
        entityManager
                .createNativeQuery("""
                INSERT INTO edition_notice (edition_id, url, title, sections, data, published_at, received_at,
                                            traceparent)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, edition.editionId())
                .setParameter(2, edition.url())
                .setParameter(3, edition.title())
                .setParameter(4, sections)
                .setParameter(5, EventCodec.encode(edition))
                .setParameter(6, edition.publishedAt())
                .setParameter(7, Instant.now())
                .setParameter(8, traceContext.current())
                .executeUpdate();
        // The sections stored first win: a re-announced edition matches the same readers.
        fanout.start(edition.editionId(), Fanout.Kind.EDITION, sections);
    }

    /**
     * A killed story's alert must not reach anyone after the kill: its fan-out stops adding readers, and every one of
     * its deliveries not yet sent is CANCELLED, those in backoff too (otherwise retried for up to six hours). The
     * fan-out is stopped first: that waits for a page being written, whose rows the cancellation then sees. A row
     * already claimed is not mailed either (its lease renewal wants it PENDING); only a send already under way
     * cannot be called back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(PublicationRetracted retraction) {
        fanout.stop(retraction.publicationId());
        entityManager
                .createNativeQuery("""
                UPDATE delivery SET status = 'CANCELLED', last_error = ?2
                WHERE publication_id = ?1 AND status = 'PENDING'""")
                .setParameter(1, retraction.publicationId())
                .setParameter(2, "retracted: " + retraction.reason())
                .executeUpdate();
    }

    /** Sections as subscribers' topics are stored: their keys, sorted, comma-separated. */
    private static String normalized(List<String> sections) {
        return sections == null
                ? ""
                : String.join(
                        ",",
                        sections.stream()
                                .filter(t -> t != null && !t.isBlank())
                                .map(Section::keyOf)
                                .filter(key -> !key.isEmpty())
                                .distinct()
                                .sorted()
                                .toList());
    }

    /**
     * suppressed: not mailed on purpose (suppressed address, or the reader left or paused before the send). cancelled: not
     * mailed because the story was killed first. fanningOut: readers are still being added page by page, so pending
     * (and the total) will grow; the counts are final once it is false and pending is 0.
     */
    public record Summary(long sent, long pending, long failed, long suppressed, long cancelled, boolean fanningOut) {}

    /** @return the delivery counts of a publication, empty when this service never heard of it */
    @Transactional
    public Optional<Summary> summary(UUID publicationId) {
        return summary(
                "SELECT 1 FROM publication_notice WHERE publication_id = ?1",
                "SELECT status, count(*) FROM delivery WHERE publication_id = ?1 GROUP BY status",
                publicationId);
    }

    /** @return the delivery counts of an edition, empty when this service never heard of it */
    @Transactional
    public Optional<Summary> editionSummary(UUID editionId) {
        return summary(
                "SELECT 1 FROM edition_notice WHERE edition_id = ?1",
                "SELECT status, count(*) FROM delivery WHERE edition_id = ?1 GROUP BY status",
                editionId);
    }

    private Optional<Summary> summary(String known, String counts, UUID id) {
        if (entityManager
                .createNativeQuery(known)
                .setParameter(1, id)
                .getResultList()
                .isEmpty()) {
            return Optional.empty();
        }
        long sent = 0;
        long pending = 0;
        long failed = 0;
        long suppressed = 0;
        long cancelled = 0;
        for (Object row :
                entityManager.createNativeQuery(counts).setParameter(1, id).getResultList()) {
            Object[] columns = (Object[]) row;
            long count = ((Number) columns[1]).longValue();
            switch ((String) columns[0]) {
                case "SENT" -> sent = count;
                case "PENDING" -> pending = count;
                case "FAILED" -> failed = count;
                case "SUPPRESSED" -> suppressed = count;
                case "CANCELLED" -> cancelled = count;
                default -> {}
            }
        }
        boolean fanningOut = ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM fanout WHERE subject_id = ?1 AND NOT done")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue()
                > 0;
        return Optional.of(new Summary(sent, pending, failed, suppressed, cancelled, fanningOut));
    }
}
