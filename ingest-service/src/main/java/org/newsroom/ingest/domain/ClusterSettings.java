package org.newsroom.ingest.domain;

import java.time.Duration;

/**
 * How near two stories must be to share a cluster ({@code newsroom.ingest.cluster.*}, see application.properties;
 * a group of {@link IngestSettings}).
 */
public interface ClusterSettings {

    /** Minimum Jaccard similarity of the two stories' words. */
    double threshold();

    /** Minimum Jaccard similarity of their names and numbers, when both have at least {@link #minNames()}. */
    double nameThreshold();

    /** Names and numbers each story needs before they are compared at all. */
    int minNames();

    /** Stories with fewer content words (a bare headline) are too short to judge and stay alone. */
    int minFeatures();

    /** How many distinct words of the headline and lede make the fingerprint. */
    int maxFeatures();

    /** LSH bands of the MinHash signature: more bands find more candidates. */
    int bands();

    /** MinHash values per band: more rows make a band harder to share. */
    int rows();

    /** How far back an item may be to join: reports of one event arrive within days. */
    Duration window();

    /** How many candidates (those sharing the most bands first) are verified at most. */
    int maxCandidates();
}
