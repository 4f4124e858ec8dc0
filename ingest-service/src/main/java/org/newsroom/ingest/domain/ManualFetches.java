package org.newsroom.ingest.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * At most one manual fetch of a source per {@code newsroom.ingest.fetch.manual-min-interval}: a fetch on demand is
 * synchronous and hits someone else's server, so it must not be repeatable at will. The slot is claimed by one
 * conditional UPDATE, so that concurrent requests (on any replica) cannot both get it.
 *
 * <p>This is not web's {@code ClientRateLimiter}, newsroom's limiter of clients: that one counts a caller's requests
 * in memory, per replica, while this guards the feed's server, whoever asks and whichever replica answers, so its
 * slot lives with the source in the database.
 */
@ApplicationScoped
public class ManualFetches {

    @Inject
    IngestSettings settings;

    /** Empty when the fetch may go ahead (the slot is now taken); otherwise how long until the next one may. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> claim(UUID sourceId) {
        Instant now = Instant.now();
        Duration minInterval = settings.fetch().manualMinInterval();
        int claimed = Source.update(
                "manualFetchAt = ?1 where id = ?2 and (manualFetchAt is null or manualFetchAt <= ?3)",
                now,
                sourceId,
                now.minus(minInterval));
        if (claimed == 1) {
            return Optional.empty();
        }
        Source source = Source.findById(sourceId);
        if (source == null || source.manualFetchAt == null) {
            return Optional.empty(); // deleted meanwhile: the fetch itself finds nothing to fetch
        }
        Duration wait = Duration.between(now, source.manualFetchAt.plus(minInterval));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
}
