package org.newsroom.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A news item as it came from a source, normalized and sanitized; {@code version} counts its changes. */
@Entity
public class Item extends PanacheEntityBase {

    @Id
    public UUID id;

    public String source;

    @Column(name = "external_id")
    public String externalId;

    public String url;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    public String headline;

    public String summary;

    public String byline;

    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "body_text")
    public String bodyText;

    public String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> sections = new ArrayList<>();

    @Column(name = "image_url")
    public String imageUrl;

    @Column(name = "image_caption")
    public String imageCaption;

    @Column(name = "image_credit")
    public String imageCredit;

    public String rights;

    @Column(name = "embargoed_until")
    public Instant embargoedUntil;

    public String outlet;

    @Column(name = "outlet_url")
    public String outletUrl;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "ingested_at")
    public Instant ingestedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public int version;

    /** The story cluster: the id of the first item that reported this event (its own id when it was first). */
    @Column(name = "cluster_id")
    public UUID clusterId;

    @Column(name = "content_hash")
    public String contentHash;

    public static Optional<Item> findBySourceAndExternalId(String source, String externalId) {
        return find("source = ?1 and externalId = ?2", source, externalId).firstResultOptional();
    }

    /**
     * The item a report is of, in one query: the one with its external id, else one with its canonical URL (when the
     * two match different items, the external id wins).
     */
    public static Optional<Item> findKnown(String source, String externalId, String canonicalUrl) {
        return find(
                        "source = ?1 and (externalId = ?2 or canonicalUrl = ?3)"
                                + " order by case when externalId = ?2 then 0 else 1 end",
                        source,
                        externalId,
                        canonicalUrl)
                .firstResultOptional();
    }

    /** The items of {@code source} with any of these external ids or canonical URLs, in one query. */
    static List<Item> findKnown(String source, Collection<String> externalIds, Collection<String> canonicalUrls) {
        return canonicalUrls.isEmpty()
                ? list("source = ?1 and externalId in ?2", source, externalIds)
                : list("source = ?1 and (externalId in ?2 or canonicalUrl in ?3)", source, externalIds, canonicalUrls);
    }

    /** Copies the (already normalized) content in; the caller decides about id, version and times. */
    void apply(Incoming incoming) {
        NewItem n = incoming.item;
        url = n.url();
        canonicalUrl = incoming.canonicalUrl;
        headline = n.headline();
        summary = n.summary();
        byline = n.byline();
        bodyHtml = n.bodyHtml();
        bodyText = incoming.bodyText;
        language = n.language();
        sections = new ArrayList<>(n.sections());
        imageUrl = n.imageUrl();
        imageCaption = n.imageCaption();
        imageCredit = n.imageCredit();
        rights = n.rights();
        embargoedUntil = n.embargoedUntil();
        outlet = n.outlet();
        outletUrl = n.outletUrl();
        publishedAt = n.publishedAt();
        contentHash = incoming.contentHash;
    }

    /**
     * What makes a new version: the content editors see. Not the fetch time, and not the link (feeds with unstable
     * links, e.g. session parameters, would otherwise version on every fetch).
     */
    static String contentHash(NewItem n) {
        String content = String.join(
                "\u0001",
                Objects.toString(n.headline(), ""),
                Objects.toString(n.summary(), ""),
                Objects.toString(n.byline(), ""),
                Objects.toString(n.bodyHtml(), ""),
                Objects.toString(n.imageUrl(), ""),
                Objects.toString(n.imageCaption(), ""),
                Objects.toString(n.imageCredit(), ""),
                Objects.toString(n.rights(), ""),
                Objects.toString(n.embargoedUntil(), ""),
                String.join(",", n.sections()),
                Objects.toString(n.language(), ""));
        return Sha256.hex(content);
    }
}
