package org.newsroom.ingest.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.newsroom.ingest.persistence.FingerprintIndex;

/**
 * Links reports of one event from different sources into a story cluster. A new item joins the cluster of its
 * nearest indexed item when both similarities pass ({@link ClusterSettings}); otherwise it starts its own cluster,
 * whose id is its own. A new version keeps its item's cluster (editors may already work with it) and is re-indexed.
 *
 * <p>Two near-duplicates taken in at the same time (feeds are fetched in parallel, partners push concurrently) would
 * not see each other's uncommitted rows; an intake therefore first locks the new stories' bands for the rest of its
 * transaction ({@link #lock}).
 */
@ApplicationScoped
public class StoryClusters {

    @Inject
    IngestSettings settings;

    @Inject
    FingerprintIndex index;

    @Inject
    IngestMetrics metrics;

    /** The indexable form of an item's content (its body as plain text), or empty when it is too short to be judged. */
    public Optional<Fingerprint> fingerprint(String headline, String summary, String bodyText) {
        Fingerprint fingerprint = Fingerprint.of(cluster().maxFeatures(), headline, summary, bodyText);
        return fingerprint.size() < cluster().minFeatures() ? Optional.empty() : Optional.of(fingerprint);
    }

    /**
     * Holds the bands of these stories until the transaction ends (see {@link FingerprintIndex#lock}): a batch locks
     * all of its stories' bands at once, in one sorted statement, so that two batches cannot deadlock by each locking
     * its stories one after the other. Must come before {@link #nearDuplicateOf} of any of them.
     */
    public void lock(Collection<Fingerprint> fingerprints) {
        if (!fingerprints.isEmpty()) {
            index.lock(fingerprints.stream()
                    .flatMapToLong(f -> LongStream.of(bands(f)))
                    .toArray());
        }
    }

    /**
     * The cluster of the nearest item it duplicates, if any; its bands must be locked ({@link #lock}). The lock and
     * this lookup stay two statements: in READ COMMITTED each statement sees the rows committed when it starts, so a
     * lookup in the lock's own statement would not see the near-duplicate whose commit the lock waited for. The
     * timer measures the index query and the verification, not a wait for a concurrent near-duplicate to commit.
     */
    public Optional<UUID> nearDuplicateOf(UUID itemId, Fingerprint fingerprint) {
        ClusterSettings near = cluster();
        long[] bands = bands(fingerprint);
        return metrics.timeLookup(() ->
                index.candidates(bands, itemId, Instant.now().minus(near.window()), near.maxCandidates()).stream()
                        .filter(c -> fingerprint.similarity(c.fingerprint()) >= near.threshold())
                        .filter(c ->
                                fingerprint.nameSimilarity(c.fingerprint(), near.minNames()) >= near.nameThreshold())
                        .max(Comparator.comparingDouble(c -> fingerprint.similarity(c.fingerprint())))
                        .map(FingerprintIndex.Candidate::clusterId));
    }

    /** Makes a new (flushed) item findable by later near-duplicates, in this transaction too. */
    public void index(Item item, Fingerprint fingerprint) {
        index.add(item.id, fingerprint, bands(fingerprint), item.ingestedAt);
    }

    /** Re-indexes a new (flushed) version of an item under its new content. */
    public void reindex(Item item, Fingerprint fingerprint) {
        index.replace(item.id, fingerprint, bands(fingerprint), item.ingestedAt);
    }

    private long[] bands(Fingerprint fingerprint) {
        return fingerprint.bands(cluster().bands(), cluster().rows());
    }

    private ClusterSettings cluster() {
        return settings.cluster();
    }
}
