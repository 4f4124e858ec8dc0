package org.newsroom.ingest.domain;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How near two stories must be to share a cluster ({@code newsroom.ingest.cluster.*}, see application.properties). */
@ConfigMapping(prefix = "newsroom.ingest.cluster")
public interface ClusterSettings {

    /** Minimum Jaccard similarity of the two stories' words. */
    double threshold();

    /** Minimum Jaccard similarity of their names and numbers, when both have at least {@link #minNames()}. */
    double nameThreshold();

    int minNames();

    /** Stories with fewer content words (a bare headline) are too short to judge and stay alone. */
    int minFeatures();

    /** How many distinct words of the headline and lede make the fingerprint. */
    int maxFeatures();

    int bands();

    int rows();

    /** How far back an item may be to join: reports of one event arrive within days. */
    Duration window();

    /** How many candidates (those sharing the most bands first) are verified at most. */
    int maxCandidates();
}
