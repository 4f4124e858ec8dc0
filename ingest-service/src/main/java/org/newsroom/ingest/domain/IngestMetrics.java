package org.newsroom.ingest.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.newsroom.outbox.AfterCommit;

/**
 * Ingestion as operations see it at /q/metrics, per source: items ingested, updated, and duplicates (an unchanged
 * re-fetch, or a new item that joined another source's story cluster); feed fetch failures; and how long the
 * near-duplicate lookup takes (with p50/p99). Item counts move only when their transaction commits, so a rolled
 * back intake is not counted.
 */
@ApplicationScoped
public class IngestMetrics {
    public static final String UNCHANGED = "unchanged";
    public static final String NEAR_DUPLICATE = "near_duplicate";

    @Inject
    MeterRegistry registry;

    @Inject
    AfterCommit afterCommit;

    private Timer lookup;

    @PostConstruct
    void timer() {
        lookup = Timer.builder("newsroom.ingest.cluster.lookup")
                .description("Near-duplicate lookup of a new item: band index query and verification of the candidates")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    public void ingested(String source) {
        afterCommit.run(counter("newsroom.ingest.items.ingested", "Items new to the pipeline", source)::increment);
    }

    public void updated(String source) {
        afterCommit.run(counter("newsroom.ingest.items.updated", "Items that became a new version", source)::increment);
    }

    public void duplicate(String source, String kind) {
        afterCommit.run(Counter.builder("newsroom.ingest.items.duplicates")
                .description("Unchanged re-fetches, and new items that joined a story cluster")
                .tag("source", source)
                .tag("kind", kind)
                .register(registry)::increment);
    }

    public void fetchFailed(String source) {
        counter("newsroom.ingest.fetch.failures", "Feed fetches that failed", source)
                .increment();
    }

    public <T> T timeLookup(Supplier<T> lookupCall) {
        return lookup.record(lookupCall);
    }

    private Counter counter(String name, String description, String source) {
        return Counter.builder(name)
                .description(description)
                .tag("source", source)
                .register(registry);
    }
}
