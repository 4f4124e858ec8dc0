package org.newsroom.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One fetch of a feed: what came of it. */
@Entity
@Table(name = "fetch_log")
public class FetchLog extends PanacheEntityBase {
    public static final String OK = "ok";
    /** Read, but only leniently: {@link #error} holds the first well-formedness error. */
    public static final String MALFORMED = "malformed";

    public static final String NOT_MODIFIED = "not-modified";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "source_id")
    public UUID sourceId;

    @Column(name = "started_at")
    public Instant startedAt;

    public String status;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "items_new")
    public int itemsNew;

    @Column(name = "items_updated")
    public int itemsUpdated;

    @Column(name = "items_unchanged")
    public int itemsUnchanged;

    @Column(name = "items_skipped")
    public int itemsSkipped;

    /** Why the first skipped entry was skipped, after its link. */
    @Column(name = "skip_reason")
    public String skipReason;

    @Column(name = "duration_ms")
    public long durationMs;

    /** Why the fetch failed; for a {@link #MALFORMED} feed, the first error it was read despite. */
    public String error;

    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;

    /** The feed was read (not failed, not unchanged): its entries were looked at. */
    public boolean read() {
        return OK.equals(status) || MALFORMED.equals(status);
    }

    public void skipped(String entry, String reason) {
        if (itemsSkipped++ == 0) {
            skipReason = entry + ": " + reason;
        }
    }

    public static List<FetchLog> latest(UUID sourceId, int limit) {
        return find("sourceId", Sort.descending("startedAt"), sourceId)
                .page(Page.ofSize(limit))
                .list();
    }
}
