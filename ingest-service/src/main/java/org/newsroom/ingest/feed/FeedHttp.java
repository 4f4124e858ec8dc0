package org.newsroom.ingest.feed;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches feeds politely and defensively: conditional GET, gzip/deflate, bounded redirects, connect/read timeouts,
 * a deadline on the whole fetch, a cap on the (decompressed) body, and the {@link AddressGuard} on every connection.
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

    private CloseableHttpClient client;
    private AddressGuard guard;
    private ScheduledExecutorService deadlines;

    /** What a fetch answered; headers by lower-case name (first value). */
    public record Answer(int status, byte[] body, Map<String, String> headers, URI finalUri) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** The fetch, all of it, took longer than the deadline. */
    public static final class DeadlineException extends IOException {
        DeadlineException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The body was larger than the cap. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    @PostConstruct
    void start() {
        Set<String> hosts = new HashSet<>(allowedHosts.orElse(List.of()));
        configuredFeed.map(URI::getHost).ifPresent(hosts::add);
        guard = new AddressGuard(hosts);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(connectTimeoutSeconds))
                        .setSocketTimeout(Timeout.ofSeconds(readTimeoutSeconds))
                        .build())
                .setMaxConnTotal(32).setMaxConnPerRoute(4)
                .build();
        deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "feed-fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(true).setMaxRedirects(maxRedirects)
                        .setCircularRedirectsAllowed(false)
                        .setResponseTimeout(Timeout.ofSeconds(readTimeoutSeconds))
                        .build())
                .setUserAgent(userAgent)
                .disableCookieManagement()
                .disableAutomaticRetries()
                .build();
    }

    @PreDestroy
    void stop() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    public Answer get(URI url, String etag, String lastModified) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("refused: only http and https feeds are fetched, not " + url);
        }
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                + "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (etag != null) {
            get.setHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            get.setHeader("If-Modified-Since", lastModified);
        }
        // Timeouts apply to each connect and each read: a server sending a byte every 29 s would never trip them.
        ScheduledFuture<?> abort = deadlines.schedule(get::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return execute(get, url);
        } catch (IOException | RuntimeException e) {
            if (get.isCancelled()) {
                throw new DeadlineException("timed out: the fetch took longer than the deadline of "
                        + deadline.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            abort.cancel(false);
        }
    }

    private Answer execute(HttpGet get, URI url) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        return client.execute(get, context, response -> {
            Map<String, String> headers = new TreeMap<>();
            for (Header h : response.getHeaders()) {
                headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            byte[] body = read(response.getEntity());
            List<URI> redirects = context.getRedirectLocations() == null ? List.of() : context.getRedirectLocations().getAll();
            URI finalUri = redirects.isEmpty() ? url : redirects.get(redirects.size() - 1);
            return new Answer(response.getCode(), body, headers, finalUri);
        });
    }

    private byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > maxBytes) {
            throw new TooLargeException("feed larger than " + maxBytes + " bytes (Content-Length " + entity.getContentLength() + ")");
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new TooLargeException("feed larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }
}
