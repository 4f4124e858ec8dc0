package org.newsroom.bench.startup;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/** Ingested items consumed into stories (as ingest announces them), then the editors' queue and searches. */
record EditorialWarmUp(int requests) implements WarmUp {
    private static final String EDITOR = TestTokens.token("bench-editor", "editor");

    @Override
    public String what() {
        return requests + " news.item.ingested.v1 consumed into stories, then " + requests
                + " queue listings (every other one a search)";
    }

    @Override
    public void run(Pipeline pipeline, ServiceProcess service) throws Exception {
        // Items produced before the consumer holds its partitions would be skipped (it starts from the end).
        pipeline.awaitReady();
        try (Connection db = Calls.database(pipeline, Pipeline.EDITORIAL, Startup.PIPELINE);
                CloudEventRecords records = new CloudEventRecords()) {
            long stories = Calls.count(db, "story");
            for (int i = 0; i < requests; i++) {
                ItemIngested item = item("Harbor tariff talks resume, round " + UUID.randomUUID());
                records.send(
                        Topics.ITEMS,
                        item.itemId().toString(),
                        EventType.ITEM_INGESTED.type(),
                        EventCodec.encode(item));
            }
            Calls.awaitRows(db, "story", stories + requests);
        }
        for (int i = 0; i < requests; i++) {
            String query = i % 2 == 0 ? "limit=50" : "limit=50&q=tariff";
            Calls.send(Calls.get(service.url() + "/api/stories?" + query).header("Authorization", "Bearer " + EDITOR));
        }
    }

    private static ItemIngested item(String headline) {
        return new ItemIngested(
                UUID.randomUUID(),
                "wire-desk",
                UUID.randomUUID().toString(),
                "https://example.org/" + UUID.randomUUID(),
                headline,
                "Negotiators met again on Monday.\n\nNo date was set for a deal.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org"),
                Instant.now(),
                Instant.now());
    }
}
