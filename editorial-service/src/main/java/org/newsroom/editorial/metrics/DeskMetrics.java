package org.newsroom.editorial.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.newsroom.editorial.domain.EditionApprovedByDesk;
import org.newsroom.editorial.domain.StoryMoved;

/**
 * The desk's decisions as Prometheus counters, counted once their transaction committed:
 * {@code editorial_story_transitions_total{from,to}} (approvals are {@code to="APPROVED"}, rejections
 * {@code to="REJECTED"}, kills {@code to="KILLED"}, stories received {@code from="none"}) and
 * {@code editorial_edition_approvals_total{scheduled}}. Counters rather than a gauge of stories by status: a gauge
 * would count the whole table at every scrape; {@code increase()} over the counters answers the desk's questions.
 */
@ApplicationScoped
public class DeskMetrics {

    @Inject
    MeterRegistry registry;

    void storyMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoryMoved move) {
        registry.counter(
                        "editorial.story.transitions",
                        "from",
                        move.from() == null ? "none" : move.from().name(),
                        "to",
                        move.to().name())
                .increment();
    }

    void editionApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) EditionApprovedByDesk approval) {
        registry.counter("editorial.edition.approvals", "scheduled", Boolean.toString(approval.scheduled()))
                .increment();
    }
}
