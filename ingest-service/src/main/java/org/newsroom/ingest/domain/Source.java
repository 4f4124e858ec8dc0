package org.newsroom.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isFeed() {
        return FEED.equals(kind);
    }

    public static Optional<Source> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
