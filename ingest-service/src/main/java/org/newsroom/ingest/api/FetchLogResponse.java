package org.newsroom.ingest.api;

import java.time.Instant;
import java.util.UUID;
import org.newsroom.ingest.domain.FetchLog;

/** One fetch of a feed; {@code skipReason} says why the first of {@code itemsSkipped} entries was not taken in. */
public record FetchLogResponse(
        UUID id,
        UUID sourceId,
        Instant startedAt,
        String status,
        Integer httpStatus,
        int itemsNew,
        int itemsUpdated,
        int itemsUnchanged,
        int itemsSkipped,
        String skipReason,
        long durationMs,
        String error,
        Instant nextFetchAt) {

    static FetchLogResponse of(FetchLog log) {
        return new FetchLogResponse(
                log.id,
                log.sourceId,
                log.startedAt,
                log.status,
                log.httpStatus,
                log.itemsNew,
                log.itemsUpdated,
                log.itemsUnchanged,
                log.itemsSkipped,
                log.skipReason,
                log.durationMs,
                log.error,
                log.nextFetchAt);
    }
}
