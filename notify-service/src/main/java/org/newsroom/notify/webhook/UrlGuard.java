package org.newsroom.notify.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.net.PublicHttp;

/**
 * The webhooks' SSRF guard: net's {@link PublicHttp} with notify's allow-list
 * ({@code newsroom.notify.webhooks.allowed-hosts}), one deadline per call ({@code timeout}) and no redirects. A URL
 * is checked when its endpoint is registered, and every call vets the addresses it connects to again (pinned: the
 * host is resolved once per connection, so a changed DNS answer cannot slip in between check and call).
 */
@ApplicationScoped
public class UrlGuard {

    @ConfigProperty(name = "newsroom.notify.webhooks.allowed-hosts")
    Optional<List<String>> allowedHosts;

    /** The whole call, connecting included, until the response body ended. */
    @ConfigProperty(name = "newsroom.notify.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @ConfigProperty(name = "newsroom.notify.webhooks.max-in-flight", defaultValue = "200")
    int maxInFlight;

    private PublicHttp http;

    @PostConstruct
    void start() {
        int connections = Math.max(1, maxInFlight);
        http = PublicHttp.builder()
                .allowedHosts(allowedHosts.orElse(List.of()))
                .deadline(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .maxRedirects(0)
                // Every call may go to one host: the in-flight limit, not the pool, is what bounds them.
                .maxConnections(connections, connections)
                .userAgent("newsroom-notify-webhooks")
                .build();
    }

    @PreDestroy
    void stop() throws IOException {
        http.close();
    }

    /** @return why the URL may not be called (never the address it resolves to), or empty when it may */
    public Optional<String> refusal(String url) {
        try {
            return http.refusal(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
    }

    /** The client every webhook call goes through. */
    PublicHttp http() {
        return http;
    }
}
