package org.newsroom.ingest.domain;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of ingest, in one place: {@code newsroom.ingest.*}, whose values (and defaults) are in
 * application.properties, each reading the environment variable operations set, e.g. {@code NEWSROOM_FEED_URL}.
 */
@ConfigMapping(prefix = "newsroom.ingest")
public interface IngestSettings {

    /** How long a partner's previous API key keeps working after a rotation ({@code POST /api/sources/{id}/keys}). */
    Duration partnerKeyGrace();

    /**
     * The largest request taken: Quarkus' own {@code quarkus.http.limits.max-body-size}, read here so that the
     * refusal can carry a problem body.
     */
    MemorySize maxRequestSize();

    /** The feed operations configure by environment, registered as a source at startup. */
    ConfiguredFeed feed();

    /** How feeds are fetched: politely, and defensively against the servers they live on. */
    Fetch fetch();

    /** How often, and how many at once, due feeds are fetched. */
    Poll poll();

    /** Story clusters: how near two stories must be to share one. */
    ClusterSettings cluster();

    /** {@code NEWSROOM_FEED_URL} and its companions: a feed that needs no call to {@code /api/sources}. */
    interface ConfiguredFeed {

        /** The feed's URL; none, no such source. Its host is trusted by the SSRF guard. */
        Optional<URI> url();

        /** The name of its source. */
        String source();

        /** Its poll interval when the source is first registered. */
        Duration interval();
    }

    /** Limits of one fetch; a fetch on demand is also limited per source. */
    interface Fetch {

        /** Hosts allowed to resolve to loopback or private addresses (local setups, tests). */
        Optional<List<String>> allowedHosts();

        /** The largest body taken, once decompressed. */
        long maxBytes();

        /** Seconds to connect to the feed's server. */
        int connectTimeoutSeconds();

        /** Seconds without a byte before the fetch is given up. */
        int readTimeoutSeconds();

        /** The whole fetch (connect, headers, body): a server dripping bytes never trips the read timeout. */
        Duration deadline();

        /** Redirects followed, each one vetted again. */
        int maxRedirects();

        /** How the fetcher introduces itself to feed servers. */
        String userAgent();

        /** At most one {@code POST /api/sources/{id}/fetch} per source this often (429 with Retry-After). */
        Duration manualMinInterval();
    }

    /** The scheduler's settings; {@code every} and {@code delay} are read by its {@code @Scheduled} expression. */
    interface Poll {

        /** How often due sources are looked for (each source has its own interval). */
        Duration every();

        /** How long after startup the first look is. */
        Duration delay();

        /** Feeds fetched at once, so that a slow feed does not hold up the others. */
        int concurrency();

        /**
         * How long a claimed source is not claimed again (its next check pushed out): longer than any fetch, so
         * that a replica that dies mid-fetch delays the feed by no more than this.
         */
        Duration lease();
    }
}
