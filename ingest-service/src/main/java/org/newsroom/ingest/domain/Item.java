package org.newsroom.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A news item as it came from a source, normalized. */
@Entity
public class Item extends PanacheEntityBase {

    @Id
    public UUID id;

    public String source;

    @Column(name = "external_id")
    public String externalId;

    public String url;

    public String headline;

    public String summary;

    public String byline;

    public String outlet;

    @Column(name = "outlet_url")
    public String outletUrl;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "ingested_at")
    public Instant ingestedAt;

    public static Optional<Item> findBySourceAndExternalId(String source, String externalId) {
        return find("source = ?1 and externalId = ?2", source, externalId).firstResultOptional();
    }

    static Item from(NewItem incoming) {
        Item item = new Item();
        item.id = UUID.randomUUID();
        item.source = incoming.source();
        item.externalId = incoming.externalId();
        item.url = incoming.url();
        item.headline = incoming.headline();
        item.summary = incoming.summary();
        item.byline = incoming.byline();
        item.outlet = incoming.outlet();
        item.outletUrl = incoming.outletUrl();
        item.publishedAt = incoming.publishedAt();
        item.ingestedAt = Instant.now();
        return item;
    }
}
