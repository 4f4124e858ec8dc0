package org.newsroom.notify.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.newsroom.notify.domain.NotifySettings;
import org.newsroom.web.ClientRateLimiter;

/**
 * Sign-ups per client address: at most {@code newsroom.notify.signup-limit} per {@code signup-window}, in memory and
 * per instance, shared by the JSON API and the site's subscribe form. Enough to stop a script mail-bombing strangers
 * through the confirmation email.
 */
public class SignupLimit {
    /** Addresses tracked at most; beyond, the least recently seen is forgotten (a flood cannot grow the heap). */
    private static final int MAX_CLIENTS = 100_000;

    @Produces
    @Singleton
    ClientRateLimiter signups(NotifySettings config) {
        return new ClientRateLimiter(config.signupLimit(), config.signupWindow(), MAX_CLIENTS);
    }

    /**
     * Counts one sign-up of the request's client (the socket's address, or X-Forwarded-For's from a trusted proxy).
     *
     * @return 0 when admitted, else the seconds until it may sign up again
     */
    static long retryAfter(ClientRateLimiter signups, RoutingContext routing) {
        String client = routing.request().remoteAddress() == null
                ? "unknown"
                : routing.request().remoteAddress().hostAddress();
        return signups.acquire(client);
    }
}
