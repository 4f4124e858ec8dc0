package org.newsroom.publish.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.newsroom.outbox.AfterCommit;

/**
 * What readers got, counted for {@code /q/metrics}. A count moves only when its transaction commits, so a rolled
 * back and retried event is counted once.
 */
@ApplicationScoped
public class PublishingCounters {
    private final AfterCommit afterCommit;
    private final Counter published;
    private final Counter updated;
    private final Counter retracted;
    private final Counter editions;

    public PublishingCounters(MeterRegistry registry, AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        published = Counter.builder("newsroom.publications.published")
                .description("Publications made public (first version)")
                .register(registry);
        updated = Counter.builder("newsroom.publications.updated")
                .description("Corrections published as a new version")
                .register(registry);
        retracted = Counter.builder("newsroom.publications.retracted")
                .description("Public publications retracted")
                .register(registry);
        editions = Counter.builder("newsroom.editions.published")
                .description("Editions made public")
                .register(registry);
    }

    void published() {
        onCommit(published);
    }

    void updated() {
        onCommit(updated);
    }

    void retracted() {
        onCommit(retracted);
    }

    void editionPublished() {
        onCommit(editions);
    }

    private void onCommit(Counter counter) {
        afterCommit.run(counter::increment);
    }
}
