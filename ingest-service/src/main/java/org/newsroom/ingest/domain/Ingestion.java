package org.newsroom.ingest.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes items in from any channel: normalizes and sanitizes them, stores the new ones (version 1) and announces
 * them; an item already known (same source and external id, or same canonical URL) is left alone when its content
 * is unchanged, and becomes version n+1, announced as updated, when it changed. A new item joins the story cluster
 * of a near-duplicate from another report of the same event ({@link StoryClusters}).
 */
@ApplicationScoped
public class Ingestion {

    @Inject
    ItemEvents events;

    @Inject
    StoryClusters clusters;

    @Inject
    IngestMetrics metrics;

    public enum Outcome {
        NEW,
        UPDATED,
        UNCHANGED,
        WITHDRAWN
    }

    public record Intake(Item item, Outcome outcome) {
        public boolean created() {
            return outcome == Outcome.NEW;
        }
    }

    /** One entry of a batch: an item to take in, or ({@code withdrawal} set) the withdrawal of an item, for a reason. */
    public record Push(String externalId, NewItem item, String withdrawal) {
        public static Push of(NewItem item) {
            return new Push(item.externalId(), item, null);
        }

        public static Push withdrawal(String externalId, String reason) {
            return new Push(externalId, null, reason);
        }
    }

    /**
     * What became of one entry of a batch: its intake (a withdrawal's outcome is {@link Outcome#WITHDRAWN}), or why it
     * was refused ({@link MissingHeadlineException}, {@link ItemTooLargeException}, {@link UnknownItemException}), in
     * which case nothing of it was written.
     */
    public record Taken(Intake intake, RuntimeException refusal) {}

    /**
     * @throws MissingHeadlineException when nothing is left of the headline once sanitized
     * @throws ItemTooLargeException when the sanitized body would make the item's event too large to relay
     */
    @Transactional
    public Intake ingest(NewItem raw) {
        return takeOne(raw, null);
    }

    /**
     * An item pushed by hand by {@code pushedBy} (a token's subject), recorded on its version. Never in the name of
     * a registered source, feed or partner: their items come only through their own channel (the feed, the
     * partner's key), so that nobody can add to or overwrite them.
     *
     * @throws RegisteredSourceException when the item names a registered source
     * @throws MissingHeadlineException when nothing is left of the headline once sanitized
     * @throws ItemTooLargeException when the sanitized body would make the item's event too large to relay
     */
    @Transactional
    public Intake ingestManual(NewItem raw, String pushedBy) {
        Optional<Source> registered = Source.findByName(raw.source());
        if (registered.isPresent()) {
            throw new RegisteredSourceException(registered.get().name, registered.get().kind);
        }
        return takeOne(raw, pushedBy);
    }

    /**
     * A batch of one source's items and withdrawals, in one transaction, each entry as if it came alone and in the
     * batch's order (an item may update or withdraw one taken in earlier in the same batch, or join its cluster).
     * Every item is normalized and checked before anything is written, so a refused one costs the others nothing. The
     * items are looked up in one query, and the bands of those not found are locked at once, in one sorted statement:
     * locking them item by item, two batches could each hold a band the other waits for.
     */
    @Transactional
    public List<Taken> ingestAll(String source, List<Push> pushes) {
        Taken[] taken = new Taken[pushes.size()];
        Incoming[] incoming = new Incoming[pushes.size()];
        for (int i = 0; i < pushes.size(); i++) {
            if (pushes.get(i).withdrawal() == null) {
                try {
                    incoming[i] = Incoming.of(pushes.get(i).item());
                } catch (MissingHeadlineException | ItemTooLargeException e) {
                    taken[i] = new Taken(null, e);
                }
            }
        }
        KnownItems known = KnownItems.of(source, pushes, incoming);
        clusters.lock(Arrays.stream(incoming)
                .filter(i -> i != null && known.of(i).isEmpty())
                .flatMap(i -> i.fingerprint(clusters).stream())
                .toList());
        for (int i = 0; i < pushes.size(); i++) {
            Push push = pushes.get(i);
            if (push.withdrawal() != null) {
                taken[i] = known.byExternalId(push.externalId())
                        .map(item -> new Taken(new Intake(withdraw(item, push.withdrawal()), Outcome.WITHDRAWN), null))
                        .orElseGet(() -> new Taken(null, new UnknownItemException(source, push.externalId())));
            } else if (incoming[i] != null) {
                Intake intake = take(incoming[i], known.of(incoming[i]), null, false);
                known.add(intake.item());
                taken[i] = new Taken(intake, null);
            }
        }
        return List.of(taken);
    }

    private Intake takeOne(NewItem raw, String pushedBy) {
        Incoming incoming = Incoming.of(raw);
        return take(
                incoming,
                Item.findKnown(incoming.item.source(), incoming.item.externalId(), incoming.canonicalUrl),
                pushedBy,
                true);
    }

    /** @param lockBands false when the caller locked the bands of the item already ({@link StoryClusters#lock}) */
    private Intake take(Incoming incoming, Optional<Item> known, String pushedBy, boolean lockBands) {
        if (known.isPresent()) {
            return update(known.get(), incoming, pushedBy);
        }
        Item item = new Item();
        item.id = UUID.randomUUID();
        item.source = incoming.item.source();
        item.externalId = incoming.item.externalId();
        item.apply(incoming);
        item.version = 1;
        item.ingestedAt = Instant.now();
        Optional<Fingerprint> fingerprint = incoming.fingerprint(clusters);
        if (lockBands) {
            clusters.lock(fingerprint.stream().toList());
        }
        Optional<UUID> cluster = fingerprint.flatMap(f -> clusters.nearDuplicateOf(item.id, f));
        item.clusterId = cluster.orElse(item.id);
        item.persist();
        ItemVersion.snapshot(item, pushedBy).persist();
        Item.flush();
        fingerprint.ifPresent(f -> clusters.index(item, f));
        events.ingested(item);
        metrics.ingested(item.source);
        if (cluster.isPresent()) {
            metrics.duplicate(item.source, IngestMetrics.NEAR_DUPLICATE);
        }
        return new Intake(item, Outcome.NEW);
    }

    private Intake update(Item item, Incoming incoming, String pushedBy) {
        if (incoming.contentHash.equals(item.contentHash) && item.withdrawnAt == null) {
            metrics.duplicate(item.source, IngestMetrics.UNCHANGED);
            return new Intake(item, Outcome.UNCHANGED);
        }
        item.apply(incoming);
        item.version++;
        item.updatedAt = Instant.now();
        item.withdrawnAt = null;
        ItemVersion.snapshot(item, pushedBy).persist();
        Item.flush();
        incoming.fingerprint(clusters).ifPresent(fingerprint -> clusters.reindex(item, fingerprint));
        events.updated(item);
        metrics.updated(item.source);
        return new Intake(item, Outcome.UPDATED);
    }

    /** The source withdrew the item: recorded and announced once; unknown or already withdrawn items: nothing. */
    @Transactional
    public Optional<Item> withdraw(String source, String externalId, String reason) {
        return Item.findBySourceAndExternalId(source, externalId).map(item -> withdraw(item, reason));
    }

    private Item withdraw(Item item, String reason) {
        if (item.withdrawnAt == null) {
            item.withdrawnAt = Instant.now();
            events.withdrawn(item, reason);
        }
        return item;
    }

    /** Sanitized HTML body, plain-text headline/summary/byline/caption, trimmed and length-capped fields. */
    static NewItem normalize(NewItem n) {
        String body = Sanitizer.html(n.bodyHtml());
        String summary = cap(Sanitizer.text(n.summary()), ItemLimits.SUMMARY_CHARS);
        return new NewItem(
                n.source(),
                cap(n.externalId(), 500),
                cap(n.url(), 2000),
                cap(Sanitizer.line(n.headline()), 500),
                summary,
                cap(Sanitizer.line(n.byline()), 300),
                cap(Sanitizer.line(n.outlet()), 200),
                cap(n.outletUrl(), 2000),
                n.publishedAt(),
                body,
                cap(n.language(), 35),
                n.updatedAt(),
                sections(n.sections()),
                cap(n.imageUrl(), 2000),
                cap(Sanitizer.line(n.imageCaption()), ItemLimits.CAPTION_CHARS),
                cap(Sanitizer.line(n.imageCredit()), 500),
                cap(Sanitizer.line(n.rights()), ItemLimits.RIGHTS_CHARS),
                n.embargoedUntil());
    }

    /** Lower-case, single-spaced (by Sanitizer.line) and each once, so that "Markets" from a feed and "markets " from a source meet. */
    private static List<String> sections(List<String> sections) {
        return sections.stream()
                .map(Sanitizer::line)
                .filter(Objects::nonNull)
                .map(s -> cap(s.toLowerCase(Locale.ROOT), 100))
                .distinct()
                .limit(ItemLimits.SECTIONS)
                .toList();
    }

    private static String cap(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
