package org.newsroom.ingest.feed;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.net.PublicHttp;

/**
 * Fetches feeds politely and defensively through net's {@link PublicHttp} (the SSRF guard, pinned to the vetted
 * addresses, every redirect re-vetted): conditional GET, gzip/deflate, bounded redirects, connect/read timeouts, a
 * deadline on the whole fetch and a cap on the (decompressed) body.
 */
@ApplicationScoped
public class FeedHttp {

    @ConfigProperty(name = "newsroom.fetch.allowed-hosts")
    Optional<List<String>> allowedHosts;

    /** The operator-configured feed (NEWSROOM_FEED_URL) is trusted: its host is allow-listed. */
    @ConfigProperty(name = "newsroom.feed.url")
    Optional<URI> configuredFeed;

    @ConfigProperty(name = "newsroom.fetch.max-bytes", defaultValue = "15728640")
    long maxBytes;

    @ConfigProperty(name = "newsroom.fetch.connect-timeout-seconds", defaultValue = "10")
    int connectTimeoutSeconds;

    @ConfigProperty(name = "newsroom.fetch.read-timeout-seconds", defaultValue = "30")
    int readTimeoutSeconds;

    @ConfigProperty(name = "newsroom.fetch.deadline", defaultValue = "30s")
    Duration deadline;

    @ConfigProperty(name = "newsroom.fetch.max-redirects", defaultValue = "5")
    int maxRedirects;

    @ConfigProperty(name = "newsroom.fetch.user-agent", defaultValue = "newsroom-ingest/0.1 (feed fetcher)")
    String userAgent;

    private PublicHttp client;

    @PostConstruct
    void start() {
        Set<String> hosts = new HashSet<>(allowedHosts.orElse(List.of()));
        configuredFeed.map(URI::getHost).ifPresent(hosts::add);
        client = PublicHttp.builder()
                .allowedHosts(hosts)
                .deadline(deadline)
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .readTimeout(Duration.ofSeconds(readTimeoutSeconds))
                .maxRedirects(maxRedirects)
                .maxBodyBytes(maxBytes)
                .maxConnections(32, 4)
                .userAgent(userAgent)
                .build();
    }

    @PreDestroy
    void stop() throws IOException {
        client.close();
    }

    public PublicHttp.Answer get(URI url, String etag, String lastModified) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                + "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        return client.get(url, headers);
    }
}
