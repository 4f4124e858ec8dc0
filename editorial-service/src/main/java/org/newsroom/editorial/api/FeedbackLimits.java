package org.newsroom.editorial.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;
import org.newsroom.editorial.domain.EditorialSettings;
import org.newsroom.web.ClientRateLimiter;

/**
 * How much public feedback one client may send (in memory, per replica; see {@link ClientRateLimiter}): any
 * feedback per minute, and grades of one publication per day, so a client cannot stuff a story's average by itself.
 * The client is the peer address, or X-Forwarded-For from a trusted proxy only ({@code NEWSROOM_TRUSTED_PROXIES}).
 */
@Singleton
class FeedbackLimits {
    /** Keys tracked per limiter: about 100 bytes each, so a flood of addresses costs at most ~10 MB. */
    private static final int TRACKED = 100_000;

    private final ClientRateLimiter perClient;
    private final ClientRateLimiter gradesPerPublication;

    @Inject
    FeedbackLimits(EditorialSettings settings) {
        perClient = new ClientRateLimiter(settings.feedback().perClientPerMinute(), Duration.ofMinutes(1), TRACKED);
        gradesPerPublication =
                new ClientRateLimiter(settings.feedback().gradesPerPublicationPerDay(), Duration.ofDays(1), TRACKED);
    }

    /** @return 0 when the client may send feedback now (and it is counted), else the seconds until it may retry */
    long feedback(String client) {
        return perClient.acquire(client);
    }

    /** @return 0 when the client may grade the publication now (and it is counted), else the seconds to wait */
    long grade(UUID publicationId, String client) {
        return gradesPerPublication.acquire(publicationId + " " + client);
    }
}
