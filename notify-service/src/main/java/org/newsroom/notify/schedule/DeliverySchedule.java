package org.newsroom.notify.schedule;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroom.notify.newsletter.DeliverySender;
import org.newsroom.notify.newsletter.Fanout;
import org.newsroom.notify.webhook.WebhookSender;

/**
 * Every background job of this service, in one place: the triggers only, the work is the rooms' plain methods. The
 * state lives in the database, so nothing is lost across restarts; each job claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work. A run still going when the next tick comes is not
 * doubled (SKIP); an interval set to {@code off} stops its job (tests drive the senders by hand that way).
 */
@ApplicationScoped
public class DeliverySchedule {

    @Inject
    Fanout fanout;

    @Inject
    DeliverySender emails;

    @Inject
    WebhookSender webhooks;

    /** Turns an edition or breaking publication into delivery rows, page by page. */
    @Scheduled(
            every = "${newsroom.notify.fanout-interval:1s}",
            identity = "fanout",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fanOut() {
        fanout.fanOutDue();
    }

    @Scheduled(
            every = "${newsroom.notify.send-interval:1s}",
            identity = "delivery-sender",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendEmails() {
        emails.sendDue();
    }

    @Scheduled(
            every = "${newsroom.notify.webhooks.send-interval:1s}",
            identity = "webhook-sender",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void callWebhooks() {
        webhooks.sendDue();
    }
}
