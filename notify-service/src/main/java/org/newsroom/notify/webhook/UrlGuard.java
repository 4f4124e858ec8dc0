package org.newsroom.notify.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.newsroom.net.PublicHttp;
import org.newsroom.notify.domain.NotifySettings;

/**
 * The webhooks' SSRF guard: net's {@link PublicHttp} with notify's allow-list
 * ({@code newsroom.notify.webhooks.allowed-hosts}), one deadline per call ({@code timeout}) and no redirects. A URL
 * is checked when its endpoint is registered, and every call vets the addresses it connects to again (pinned: the
 * host is resolved once per connection, so a changed DNS answer cannot slip in between check and call).
 */
@ApplicationScoped
public class UrlGuard {

    @Inject
    NotifySettings config;

    private PublicHttp http;

    @PostConstruct
    void start() {
        int connections = Math.max(1, config.webhooks().maxInFlight());
        http = PublicHttp.builder()
                .allowedHosts(config.webhooks().allowedHosts().orElse(List.of()))
                .deadline(config.webhooks().timeout())
                .connectTimeout(config.webhooks().timeout())
                .readTimeout(config.webhooks().timeout())
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
