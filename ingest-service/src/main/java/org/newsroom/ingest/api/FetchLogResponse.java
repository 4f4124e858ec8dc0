package org.newsroom.ingest.api;

import java.time.Instant;
import java.util.UUID;
import org.newsroom.ingest.domain.FetchLog;

public record FetchLogResponse(UUID id, UUID sourceId, Instant startedAt, String status, Integer httpStatus,
        int itemsNew, int itemsUpdated, int itemsUnchanged, long durationMs, String error, Instant nextFetchAt) {

    static FetchLogResponse of(FetchLog log) {
        return new FetchLogResponse(log.id, log.sourceId, log.startedAt, log.status, log.httpStatus, log.itemsNew,
                log.itemsUpdated, log.itemsUnchanged, log.durationMs, log.error, log.nextFetchAt);
    }
}
