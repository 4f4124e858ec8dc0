package org.newsroom.notify.newsletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.newsroom.net.Backoff;
import org.newsroom.notify.domain.DeliveryEvents;
import org.newsroom.notify.domain.MailTransport;
import org.newsroom.notify.domain.NotifySettings;
import org.newsroom.outbox.TraceContext;

/**
 * Sends due deliveries by email.
 *
 * <p>Every delivery row exists (PENDING) before its email is attempted. A batch is claimed in a short transaction
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work) by pushing its {@code next_attempt_at} one lease
 * ahead under a lease token of its own; no transaction stays open while SMTP talks. The batch is sent by
 * {@code send-concurrency} threads, paced to {@code send-rate} emails a second; right before its send each row's
 * lease is renewed, if the row is still this claim's (see {@link #renewLease}), and each outcome commits on its own:
 * SENT together with its {@code news.delivery.sent.v1} outbox event. A SENT row is never claimed again, so a
 * restarted instance resumes exactly the rows a dead one left PENDING, once their lease ran out.
 *
 * <p>One duplicate remains possible, and SMTP offers nothing to close it: the server answered 250 but the commit
 * marking the row SENT never happened (the JVM died in between, or the commit failed). The row is still PENDING, and
 * once its lease runs out it is claimed and mailed again. Everything else that could send twice is ruled out: a
 * re-claim of a row being sent (the renewed lease) and a retry after a reply that never came (see
 * {@link SmtpFailure}).
 *
 * <p>Failures: a 5xx reply is FAILED at once, and so is an uncertain one (no final reply: the server may have the
 * message); a 4xx reply or a refused connection is retried with exponential backoff until {@code max-attempts}.
 * Every final failure is announced as {@code news.delivery.failed.v1}.
 */
@ApplicationScoped
public class DeliverySender {
    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    /** The longest wait between two attempts of one email. */
    private static final Duration MAX_DELAY = Duration.ofHours(6);

    @Inject
    EntityManager entityManager;

    @Inject
    MailTransport transport;

    @Inject
    DeliveryMail mails;

    @Inject
    DeliveryEvents events;

    @Inject
    MeterRegistry metrics;

    @Inject
    TraceContext traceContext;

    @Inject
    NotifySettings config;

    private ExecutorService senders;
    private SendRate rate;
    /** retry-delay, doubled after every failed attempt, at most {@link #MAX_DELAY}; no jitter. */
    private Backoff backoff;

    @PostConstruct
    void start() {
        senders = Executors.newFixedThreadPool(Math.max(1, config.sendConcurrency()), send -> {
            Thread thread = new Thread(send, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
        rate = SendRate.perSecond(config.sendRate());
        backoff = new Backoff(config.retryDelay(), MAX_DELAY, 0);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        senders.shutdownNow();
    }

    /** Claims and sends due deliveries, batch after batch, until a batch comes back short. */
    public void sendDue() {
        List<ClaimedDelivery.Due> batch;
        List<ClaimedDelivery.EditionDue> editions;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::claim);
            editions = QuarkusTransaction.requiringNew().call(this::claimEditions);
            List<ClaimedDelivery> claimed = new ArrayList<>(batch);
            claimed.addAll(editions);
            if (!sendAll(claimed)) {
                return;
            }
        } while (batch.size() == config.batchSize() || editions.size() == config.batchSize());
    }

    /** @return false when interrupted (shutting down): what was not sent stays claimed until its lease ends */
    private boolean sendAll(List<ClaimedDelivery> claimed) {
        List<Future<?>> sends = claimed.stream()
                .<Future<?>>map(due -> senders.submit(() -> send(due)))
                .toList();
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                LOG.warn("Recording a delivery outcome failed; the delivery is retried after its lease", e.getCause());
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    List<ClaimedDelivery.Due> claim() {
        UUID token = UUID.randomUUID();
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                UPDATE delivery d SET next_attempt_at = now() + (?2 * interval '1 millisecond'), lease_token = ?3
                FROM subscriber s, publication_notice p
                WHERE d.id IN (SELECT id FROM delivery
                               WHERE status = 'PENDING' AND next_attempt_at <= now() AND publication_id IS NOT NULL
                               ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED)
                  AND s.id = d.subscriber_id AND p.publication_id = d.publication_id
                RETURNING d.id, d.subscriber_id, d.publication_id, d.attempts, s.email, s.token_version,
                          p.headline, p.summary, p.url, p.outlet, p.outlet_url,
                          s.status = 'ACTIVE' AND NOT s.paused AND NOT EXISTS (SELECT 1 FROM suppression x WHERE x.email = s.email),
                          p.traceparent""")
                .setParameter(1, config.batchSize())
                .setParameter(2, config.lease().toMillis())
                .setParameter(3, token)
                .getResultList();
        return rows.stream()
                .map(r -> new ClaimedDelivery.Due(
                        (UUID) r[0],
                        (UUID) r[1],
                        (UUID) r[2],
                        ((Number) r[3]).intValue(),
                        (String) r[4],
                        ((Number) r[5]).intValue(),
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        (String) r[9],
                        (String) r[10],
                        (Boolean) r[11],
                        (String) r[12],
                        token))
                .toList();
    }

    @SuppressWarnings("unchecked")
    List<ClaimedDelivery.EditionDue> claimEditions() {
        UUID token = UUID.randomUUID();
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                UPDATE delivery d SET next_attempt_at = now() + (?2 * interval '1 millisecond'), lease_token = ?3
                FROM subscriber s, edition_notice e
                WHERE d.id IN (SELECT id FROM delivery
                               WHERE status = 'PENDING' AND next_attempt_at <= now() AND edition_id IS NOT NULL
                               ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED)
                  AND s.id = d.subscriber_id AND e.edition_id = d.edition_id
                RETURNING d.id, d.subscriber_id, d.edition_id, d.attempts, s.email, s.token_version, e.data,
                          s.status = 'ACTIVE' AND NOT s.paused AND NOT EXISTS (SELECT 1 FROM suppression x WHERE x.email = s.email),
                          e.traceparent""")
                .setParameter(1, config.batchSize())
                .setParameter(2, config.lease().toMillis())
                .setParameter(3, token)
                .getResultList();
        return rows.stream()
                .map(r -> new ClaimedDelivery.EditionDue(
                        (UUID) r[0],
                        (UUID) r[1],
                        (UUID) r[2],
                        ((Number) r[3]).intValue(),
                        (String) r[4],
                        ((Number) r[5]).intValue(),
                        (String) r[6],
                        (Boolean) r[7],
                        (String) r[8],
                        token))
                .toList();
    }

    /** Runs on a sender thread, which waits while {@link MailTransport} talks to the server. */
    void send(ClaimedDelivery due) {
        try (Scope trace = traceContext.resume(due.traceparent(), "deliver " + DeliveryEvents.EMAIL)) {
            attempt(due);
        }
    }

    private void attempt(ClaimedDelivery due) {
        if (!due.mailable()) {
            suppressed(due);
            return;
        }
        try {
            Mail mail = due instanceof ClaimedDelivery.EditionDue edition
                    ? mails.compose(edition)
                    : mails.compose((ClaimedDelivery.Due) due);
            rate.acquire();
            if (!renewLease(due)) {
                LOG.debugf("Delivery %s is no longer this claim's (claimed again or cancelled); not sent", due.id());
                return;
            }
            transport.send(mail).await().atMost(config.sendTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            failed(due, SmtpFailure.of(e));
            return;
        }
        sent(due);
    }

    /**
     * Takes the row for its send on a fresh lease, unless it is no longer this claim's. A throttled batch can outlive
     * its lease while rows wait for their turn; another replica may then have claimed them (replacing the token) and
     * be sending them itself, or a kill may have cancelled them. Renewed right before the send, the lease only has to
     * outlast one send ({@code quarkus.mailer.timeout}, far below {@code lease}), so no other claim can take the row
     * while this one is mailing it.
     */
    private boolean renewLease(ClaimedDelivery due) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                                .createNativeQuery("""
                UPDATE delivery SET next_attempt_at = now() + (?3 * interval '1 millisecond')
                WHERE id = ?1 AND lease_token = ?2 AND status = 'PENDING'""")
                                .setParameter(1, due.id())
                                .setParameter(2, due.leaseToken())
                                .setParameter(3, config.lease().toMillis())
                                .executeUpdate()
                        == 1);
    }

    private void suppressed(ClaimedDelivery due) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "UPDATE delivery SET status = 'SUPPRESSED' WHERE id = ?1 AND status = 'PENDING'")
                        .setParameter(1, due.id())
                        .executeUpdate());
        count("suppressed");
    }

    /**
     * The server said 250: from here until this commit the email is out but the row still PENDING, the one window in
     * which a crash (or a failed commit) lets the row be claimed and mailed again once its lease runs out.
     */
    private void sent(ClaimedDelivery due) {
        Instant sentAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            int updated = entityManager
                    .createNativeQuery("""
                    UPDATE delivery SET status = 'SENT', sent_at = ?2, attempts = attempts + 1, last_error = NULL
                    WHERE id = ?1 AND status = 'PENDING'""")
                    .setParameter(1, due.id())
                    .setParameter(2, sentAt)
                    .executeUpdate();
            if (updated == 1) {
                events.sent(due.id(), due.subjectId(), due.edition(), due.subscriberId(), DeliveryEvents.EMAIL, sentAt);
            }
        });
        count("sent");
    }

    private void failed(ClaimedDelivery due, SmtpFailure failure) {
        int attempts = due.attempts() + 1;
        boolean giveUp = !failure.retryable() || attempts >= config.maxAttempts();
        Duration delay = backoff.delay(attempts);
        LOG.warnf(
                "Delivery %s to %s failed (attempt %d of %d, %s)%s: %s",
                due.id(),
                due.email(),
                attempts,
                config.maxAttempts(),
                failure.verdict(),
                giveUp ? ", giving up" : ", retrying in " + delay,
                failure.reason());
        QuarkusTransaction.requiringNew().run(() -> {
            int updated = entityManager
                    .createNativeQuery("""
                    UPDATE delivery SET attempts = ?2, last_error = ?3, status = ?4,
                           next_attempt_at = now() + (?5 * interval '1 millisecond')
                    WHERE id = ?1 AND status = 'PENDING'""")
                    .setParameter(1, due.id())
                    .setParameter(2, attempts)
                    .setParameter(3, failure.reason())
                    .setParameter(4, giveUp ? "FAILED" : "PENDING")
                    .setParameter(5, delay.toMillis())
                    .executeUpdate();
            if (giveUp && updated == 1) {
                events.failed(
                        due.id(),
                        due.subjectId(),
                        due.edition(),
                        due.subscriberId(),
                        DeliveryEvents.EMAIL,
                        failure.reason(),
                        attempts,
                        Instant.now());
            }
        });
        count(!giveUp ? "retried" : failure.verdict() == SmtpFailure.Verdict.UNCERTAIN ? "uncertain" : "failed");
    }

    private void count(String outcome) {
        metrics.counter("newsroom.notify.emails", "outcome", outcome).increment();
    }
}
