package org.newsroom.ingest.feed;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsroom.ingest.domain.IngestSettings;
import org.newsroom.net.PublicHttp;

/**
 * Fetches feeds politely and defensively through net's {@link PublicHttp} (the SSRF guard, pinned to the vetted
 * addresses, every redirect re-vetted): conditional GET, gzip/deflate, bounded redirects, connect/read timeouts, a
 * deadline on the whole fetch and a cap on the (decompressed) body.
 */
@ApplicationScoped
public class FeedHttp {

    @Inject
    IngestSettings settings;

    private PublicHttp client;

    @PostConstruct
    void start() {
        IngestSettings.Fetch fetch = settings.fetch();
        Set<String> hosts = new HashSet<>(fetch.allowedHosts().orElse(List.of()));
        // The operator-configured feed (NEWSROOM_FEED_URL) is trusted: its host is allow-listed.
        settings.feed().url().map(URI::getHost).ifPresent(hosts::add);
        client = PublicHttp.builder()
                .allowedHosts(hosts)
                .deadline(fetch.deadline())
                .connectTimeout(Duration.ofSeconds(fetch.connectTimeoutSeconds()))
                .readTimeout(Duration.ofSeconds(fetch.readTimeoutSeconds()))
                .maxRedirects(fetch.maxRedirects())
                .maxBodyBytes(fetch.maxBytes())
                .maxConnections(32, 4)
                .userAgent(fetch.userAgent())
                .build();
    }

    @PreDestroy
    void stop() throws IOException {
        client.close();
    }

    public PublicHttp.Answer get(URI url, String etag, String lastModified) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Accept",
                "application/rss+xml, application/atom+xml, application/feed+json, "
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
