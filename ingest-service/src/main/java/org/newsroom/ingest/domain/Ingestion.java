package org.newsroom.ingest.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.newsroom.ingest.messaging.ItemEvents;

/** Takes items in from any channel: stores the new ones and announces them; recognises the ones already known. */
@ApplicationScoped
public class Ingestion {

    @Inject
    ItemEvents events;

    public record Intake(Item item, boolean created) {
    }

    @Transactional
    public Intake ingest(NewItem incoming) {
        return Item.findBySourceAndExternalId(incoming.source(), incoming.externalId())
                .map(known -> new Intake(known, false))
                .orElseGet(() -> {
                    Item item = Item.from(incoming);
                    item.persist();
                    events.ingested(item);
                    return new Intake(item, true);
                });
    }
}
