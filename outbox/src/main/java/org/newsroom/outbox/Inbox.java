package org.newsroom.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.newsroom.events.PoisonEventException;
import org.newsroom.net.Backoff;

/**
 * Makes a consumer idempotent and patient: every consumer hands each record to {@link #apply}, which applies it
 * exactly once (see {@link InboxTransaction}) and is the one retry policy of all consumers.
 *
 * <ul>
 * <li>A poison record (not a valid CloudEvent of a known payload) throws at once: the channel's dead-letter queue
 * takes it and the consumer moves on.</li>
 * <li>While the database is down, the record waits, however long the outage lasts, and is applied when the database
 * answers again: a valid event must never reach a dead-letter queue because a dependency was away, and the consumer
 * must resume without a restart. The partition waits behind it, so events stay in order.</li>
 * <li>Any other failure (a bug, a violated constraint) is retried a bounded number of times with backoff, then
 * thrown, so that one record the code cannot handle goes to the dead-letter queue instead of stopping the partition
 * for good.</li>
 * </ul>
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    InboxTransaction transaction;

    @Inject
    DatabaseOutage outage;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "newsroom.inbox.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "newsroom.inbox.retry-delay", defaultValue = "500ms")
    Duration firstDelay;

    @ConfigProperty(name = "newsroom.inbox.max-retry-delay", defaultValue = "30s")
    Duration maxDelay;

    /**
     * Returns once the record's effect committed (or it was applied before); throws only for a record that is poison
     * or failed {@code newsroom.inbox.max-attempts} times while the database answered.
     */
    public void apply(ConsumerRecord<String, String> record, EventHandlers handlers) {
        Backoff backoff = new Backoff(firstDelay, maxDelay, 0);
        int retries = 0;
        int failures = 0;
        while (true) {
            try {
                transaction.apply(record, handlers);
                return;
            } catch (PoisonEventException poison) {
                throw poison;
            } catch (RuntimeException e) {
                boolean waitingOut = outage.explains(e);
                if (!waitingOut && ++failures >= maxAttempts) {
                    throw e;
                }
                metrics.counter("newsroom.inbox.retries", "reason", waitingOut ? "database-down" : "failure")
                        .increment();
                Duration delay = backoff.delay(++retries);
                LOG.warnf(
                        "%s at %s-%d@%d, retried in %s: %s",
                        waitingOut ? "Database down" : "Failed attempt " + failures + " of " + maxAttempts,
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        delay,
                        e.toString());
                pause(delay);
            }
        }
    }

    /**
     * Not cut short by an interrupt: an interrupted wait that threw would hand a valid record to the dead-letter
     * queue during shutdown, and one that returned would have its offset committed unapplied. A process that stops
     * ends the wait with it; the record is then redelivered.
     */
    private static void pause(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            Thread.interrupted();
        }
    }
}
