package org.newsroom.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Where items come from: a feed polled on a schedule, or a partner that pushes. A feed carries its polite-fetching
 * state (validators for conditional GET, next check) and its health (last success, last error, failures in a row).
 */
@Entity
public class Source extends PanacheEntityBase {
    public static final String FEED = "feed";
    public static final String PARTNER = "partner";

    @Id
    public UUID id;

    /** Slug, also the {@code source} of its items. */
    public String name;

    public String kind;

    public String url;

    /** auto, rss, atom or jsonfeed. */
    public String format = "auto";

    @Column(name = "poll_interval_seconds")
    public int pollIntervalSeconds = 900;

    @Column(name = "default_sections")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> defaultSections = new ArrayList<>();

    @Column(name = "attribution_name")
    public String attributionName;

    @Column(name = "attribution_url")
    public String attributionUrl;

    public boolean enabled = true;

    /** What identifies an item of this source across fetches: guid, link or hash (of its content). */
    public String identity = "guid";

    @Column(name = "api_key_hash")
    public String apiKeyHash;

    /** The key replaced by the last rotation, valid until {@link #previousKeyExpiresAt}. */
    @Column(name = "previous_api_key_hash")
    public String previousApiKeyHash;

    @Column(name = "previous_key_expires_at")
    public Instant previousKeyExpiresAt;

    /** When the last manual fetch was let through ({@link ManualFetches}). */
    @Column(name = "manual_fetch_at")
    public Instant manualFetchAt;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;

    @Column(name = "last_fetch_at")
    public Instant lastFetchAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    /** How the latest fetch went: a {@link FetchLog} status. */
    @Column(name = "last_status")
    public String lastStatus;

    /** The first error the latest read of the feed recovered from; none when it was well-formed. */
    public String malformation;

    /** Entries the latest read of the feed could not use, and why the first could not. */
    @Column(name = "items_skipped")
    public int itemsSkipped;

    @Column(name = "skip_reason")
    public String skipReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isFeed() {
        return FEED.equals(kind);
    }

    /** The current key, or the previous one during its grace period after a rotation. */
    public boolean acceptsKey(String key, Instant now) {
        return PartnerKeys.matches(key, apiKeyHash)
                || previousKeyExpiresAt != null
                        && now.isBefore(previousKeyExpiresAt)
                        && PartnerKeys.matches(key, previousApiKeyHash);
    }

    /**
     * A new key, returned once: the current one stays valid for {@code grace}, so that the partner can switch without
     * a gap. A key that was already the previous one stops working at once (one rotation pending at a time).
     */
    public String rotateKey(Instant now, Duration grace) {
        String key = PartnerKeys.newKey();
        previousApiKeyHash = apiKeyHash;
        previousKeyExpiresAt = now.plus(grace);
        apiKeyHash = PartnerKeys.hash(key);
        updatedAt = now;
        return key;
    }

    public static Optional<Source> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
