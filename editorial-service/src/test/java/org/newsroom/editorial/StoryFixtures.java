package org.newsroom.editorial;

import java.time.Instant;
import java.util.UUID;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;

/** Item events as ingest-service writes them. */
public final class StoryFixtures {
    private StoryFixtures() {
    }

    public static ItemIngested item(String headline) {
        return new ItemIngested(UUID.randomUUID(), "wire-desk", UUID.randomUUID().toString(),
                "https://example.org/" + UUID.randomUUID(), headline, "One.\n\nTwo.", "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org"), Instant.parse("2026-11-24T07:30:00Z"),
                Instant.now());
    }

    public static String json(ItemIngested item) {
        return EventCodec.encode(item);
    }
}
