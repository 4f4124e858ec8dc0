package org.newsroom.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way the services call a partner's URL (feeds, webhooks), so that a URL cannot reach into their own
 * network. Each host is resolved once per connection and every address of the answer is vetted
 * ({@link InternalAddresses}; one internal address refuses the host unless it is allow-listed, a metadata address
 * always does); the connection goes to exactly those addresses (TLS still verifies the host name), so a later,
 * different answer (DNS rebinding) is never used. Every redirect hop is vetted the same way, and one deadline covers
 * the whole call, connecting to the last byte of the answer. A plain library: the services configure and wrap it.
 */
public final class PublicHttp implements Closeable {

    /** What a call answered; headers by lower-case name (first value). */
    public record Answer(int status, byte[] body, Map<String, String> headers, URI finalUri) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** The call, all of it, took longer than the deadline and was aborted. */
    public static final class DeadlineException extends InterruptedIOException {
        DeadlineException(String message, Throwable cause) {
            super(message);
            initCause(cause);
        }
    }

    /** The answer's body was larger than the cap; the connection was dropped rather than read to its end. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private final CloseableHttpClient client;
    private final VettingResolver guard;
    private final Duration deadline;
    private final long maxBodyBytes;
    private final ScheduledExecutorService deadlines;

    private PublicHttp(Builder b) {
        guard = new VettingResolver(b.resolver, b.allowedHosts, b.internal);
        deadline = b.deadline;
        maxBodyBytes = b.maxBodyBytes;
        Duration connect = b.connectTimeout.compareTo(deadline) < 0 ? b.connectTimeout : deadline;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connect))
                        .setSocketTimeout(Timeout.of(b.readTimeout))
                        .build())
                .setMaxConnTotal(b.maxConnections)
                .setMaxConnPerRoute(b.maxConnectionsPerHost)
                .build();
        client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(b.maxRedirects > 0)
                        .setMaxRedirects(b.maxRedirects)
                        .setCircularRedirectsAllowed(false)
                        .setResponseTimeout(Timeout.of(b.readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(deadline))
                        .build())
                .setUserAgent(b.userAgent)
                .disableCookieManagement()
                .disableAutomaticRetries()
                .build();
        deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "public-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** GET; the answer's body is kept, up to the cap. */
    public Answer get(URI url, Map<String, String> headers) throws IOException {
        HttpGet get = new HttpGet(checked(url));
        headers.forEach(get::setHeader);
        return call(get, url, true);
    }

    /** POST; the answer's body is read (within the deadline, so the connection can be reused) and dropped. */
    public Answer post(URI url, Map<String, String> headers, String contentType, byte[] body) throws IOException {
        HttpPost post = new HttpPost(checked(url));
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        return call(post, url, false);
    }

    /**
     * Why a URL may not be called (checked when it is registered; every call vets its addresses again), or empty.
     * Never names an address the host resolves to.
     */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are allowed");
        }
        if (url.getHost() == null || url.getHost().isBlank() || url.getUserInfo() != null) {
            return Optional.of("the URL needs a host and no user info");
        }
        try {
            guard.resolve(url.getHost());
            return Optional.empty();
        } catch (RefusedAddressException e) {
            return Optional.of(RefusedAddressException.REASON);
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + url.getHost());
        }
    }

    private static URI checked(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("refused: only http and https URLs are called");
        }
        return url;
    }

    private Answer call(HttpUriRequestBase request, URI url, boolean keepBody) throws IOException {
        AtomicBoolean late = new AtomicBoolean();
        // Timeouts apply to each connect and each read: a server sending a byte every few seconds never trips them.
        ScheduledFuture<?> abort = deadlines.schedule(
                () -> {
                    late.set(true);
                    request.cancel();
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return exchange(request, url, keepBody);
        } catch (TooLargeException | RefusedAddressException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (late.get()) {
                throw new DeadlineException(
                        "timed out: no complete answer within the deadline of " + deadline.toMillis() + " ms", e);
            }
            throw withoutAddresses(e, url);
        } finally {
            abort.cancel(false);
        }
    }

    private Answer exchange(HttpUriRequestBase request, URI url, boolean keepBody) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        return client.execute(request, context, response -> {
            Map<String, String> headers = new TreeMap<>();
            for (Header h : response.getHeaders()) {
                headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            byte[] body = new byte[0];
            if (keepBody) {
                body = read(response.getEntity(), request);
            } else {
                EntityUtils.consume(response.getEntity());
            }
            List<URI> redirects = context.getRedirectLocations() == null
                    ? List.of()
                    : context.getRedirectLocations().getAll();
            URI finalUri = redirects.isEmpty() ? url : redirects.get(redirects.size() - 1);
            return new Answer(response.getCode(), body, headers, finalUri);
        });
    }

    private byte[] read(HttpEntity entity, HttpUriRequestBase request) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > maxBodyBytes) {
            request.cancel(); // closing the stream would otherwise read the rest of it
            throw new TooLargeException(
                    "answer larger than " + maxBodyBytes + " bytes (Content-Length " + entity.getContentLength() + ")");
        }
        InputStream in = entity.getContent();
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (bytes.length > maxBodyBytes) {
            request.cancel();
            throw new TooLargeException("answer larger than " + maxBodyBytes + " bytes");
        }
        in.close();
        return bytes;
    }

    /** The client's connect errors list the addresses it tried; the caller's logs and statuses get the host only. */
    private static IOException withoutAddresses(Exception e, URI url) {
        if (e instanceof HttpHostConnectException || e instanceof ConnectTimeoutException) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage()
                    : "timed out";
            return new ConnectException("could not connect to " + url.getHost() + ": " + reason);
        }
        return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    public static final class Builder {
        private Set<String> allowedHosts = Set.of();
        private HostResolver resolver = HostResolver.SYSTEM;
        private Predicate<InetAddress> internal = InternalAddresses::isInternal;
        private Duration deadline = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxRedirects = 5;
        private long maxBodyBytes = 15L * 1024 * 1024;
        private int maxConnections = 32;
        private int maxConnectionsPerHost = 4;
        private String userAgent = "newsroom";

        private Builder() {}

        /** Hosts that may resolve to internal addresses (local and test setups); never to a metadata address. */
        public Builder allowedHosts(Collection<String> hosts) {
            allowedHosts = hosts.stream()
                    .map(VettingResolver::bare)
                    .filter(h -> !h.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            return this;
        }

        public Builder resolver(HostResolver resolver) {
            this.resolver = resolver;
            return this;
        }

        /** Tests only: which addresses count as internal, so that a local server can stand in for a public one. */
        Builder internal(Predicate<InetAddress> internal) {
            this.internal = internal;
            return this;
        }

        /** The whole call, connecting to the last byte of the answer; aborted when it is over. */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Between two reads. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** 0: a redirect is the answer. */
        public Builder maxRedirects(int maxRedirects) {
            this.maxRedirects = maxRedirects;
            return this;
        }

        /** The cap on a kept (decompressed) body. */
        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder maxConnections(int total, int perHost) {
            this.maxConnections = total;
            this.maxConnectionsPerHost = perHost;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public PublicHttp build() {
            return new PublicHttp(this);
        }
    }
}
