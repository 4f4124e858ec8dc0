package org.newsroom.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every response of the public HTTP server carries, pages or not, so that a page someone adds later is covered
 * too: a Content-Security-Policy (no inline script; each service may widen it in {@code newsroom.web.content-security-policy},
 * e.g. for a form posting to another service), no MIME sniffing, no referrer beyond the origin on other sites, no
 * framing, and HSTS once the request came over TLS (directly or, through a trusted proxy, by X-Forwarded-Proto):
 * sending HSTS over plain HTTP would be ignored by browsers and would break a local stack served without TLS.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @ConfigProperty(name = "newsroom.web.content-security-policy")
    String contentSecurityPolicy;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        boolean secure = "https".equalsIgnoreCase(context.request().scheme());
        context.addHeadersEndHandler(ignored -> addTo(context.response().headers(), secure));
        context.next();
    }

    void addTo(MultiMap headers, boolean secure) {
        setIfAbsent(headers, "Content-Security-Policy", contentSecurityPolicy);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        if (secure) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
