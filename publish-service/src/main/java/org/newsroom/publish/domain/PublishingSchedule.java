package org.newsroom.publish.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Everything that becomes public at a set time: scheduled editions and embargoed stories. The times live in the
 * database, so the schedule survives restarts; each kind is claimed with {@code FOR UPDATE SKIP LOCKED} in its own
 * transaction, so with several replicas each is published once. Stories go first: an edition waiting for a story
 * whose embargo just ended goes out in the same run.
 */
@ApplicationScoped
public class PublishingSchedule {

    @Inject
    EditionPublishing editions;

    @Inject
    Publishing publications;

    @Scheduled(
            every = "${newsroom.publish.schedule-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishDue() {
        publications.releaseDue();
        editions.publishDue();
    }
}
