package org.newsroom.ingest.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.newsroom.ingest.persistence.FingerprintIndex;

/**
 * Links reports of one event from different sources into a story cluster. A new item joins the cluster of its
 * nearest indexed item when both similarities pass ({@link ClusterSettings}); otherwise it starts its own cluster,
 * whose id is its own. A new version keeps its item's cluster (editors may already work with it) and is re-indexed.
 *
 * <p>Two near-duplicates taken in at the same time (feeds are fetched in parallel, partners push concurrently) would
 * not see each other's uncommitted rows; the lookup therefore first locks the new story's bands for the rest of its
 * transaction (see {@link FingerprintIndex#lock}).
 */
@ApplicationScoped
public class StoryClusters {

    @Inject
    IngestSettings settings;

    @Inject
    FingerprintIndex index;

    @Inject
    IngestMetrics metrics;

    /** The indexable form of an item's content, or empty when it is too short to be judged. */
    public Optional<Fingerprint> fingerprint(Item item) {
        Fingerprint fingerprint = Fingerprint.of(cluster().maxFeatures(), item.headline, item.summary, item.bodyText);
        return fingerprint.size() < cluster().minFeatures() ? Optional.empty() : Optional.of(fingerprint);
    }

    /**
     * The cluster of the nearest item it duplicates, if any. The timer measures the index query and the verification,
     * not a wait for a concurrent near-duplicate to commit.
     */
    public Optional<UUID> nearDuplicateOf(UUID itemId, Fingerprint fingerprint) {
        ClusterSettings near = cluster();
        long[] bands = bands(fingerprint);
        index.lock(bands);
        return metrics.timeLookup(() ->
                index.candidates(bands, itemId, Instant.now().minus(near.window()), near.maxCandidates()).stream()
                        .filter(c -> fingerprint.similarity(c.fingerprint()) >= near.threshold())
                        .filter(c ->
                                fingerprint.nameSimilarity(c.fingerprint(), near.minNames()) >= near.nameThreshold())
                        .max(Comparator.comparingDouble(c -> fingerprint.similarity(c.fingerprint())))
                        .map(FingerprintIndex.Candidate::clusterId));
    }

    /** Makes the (flushed) item findable by later near-duplicates. */
    public void index(Item item, Fingerprint fingerprint) {
        index.put(item.id, fingerprint, bands(fingerprint), item.ingestedAt);
    }

    private long[] bands(Fingerprint fingerprint) {
        return fingerprint.bands(cluster().bands(), cluster().rows());
    }

    private ClusterSettings cluster() {
        return settings.cluster();
    }
}
