package org.newsroom.notify.domain;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.notify.messaging.DeliveryEvents;

/**
 * Sends due deliveries by email.
 *
 * <p>A batch is claimed in a short transaction ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work) by
 * pushing its {@code next_attempt_at} one lease ahead; no transaction stays open while SMTP talks. Each delivery
 * is then sent and its outcome committed on its own, SENT together with its {@code news.delivery.sent.v1} outbox
 * event. A SENT delivery is never claimed again; a crash between the SMTP acceptance and that commit re-sends that
 * one email once the lease expired (at least once: SMTP offers nothing stronger).
 */
@ApplicationScoped
public class DeliverySender {
    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    private static final Duration MAX_DELAY = Duration.ofHours(6);

    @Inject
    EntityManager entityManager;

    @Inject
    Mailer mailer;

    @Inject
    DeliveryEvents events;

    @ConfigProperty(name = "newsroom.notify.batch-size", defaultValue = "50")
    int batchSize;

    @ConfigProperty(name = "newsroom.notify.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "newsroom.notify.retry-delay", defaultValue = "30s")
    Duration retryDelay;

    @ConfigProperty(name = "newsroom.notify.lease", defaultValue = "10m")
    Duration lease;

    /** A claimed delivery: of a publication or of an edition. */
    sealed interface Claimed permits Due, EditionDue {
        UUID id();

        UUID subscriberId();

        /** The publication or edition the email is about. */
        UUID subjectId();

        int attempts();

        String email();

        boolean mailable();
    }

    /** A claimed publication delivery with everything its email needs. */
    record Due(UUID id, UUID subscriberId, UUID publicationId, int attempts, String email, String headline,
            String summary, String url, String outlet, String outletUrl, boolean mailable) implements Claimed {
        @Override
        public UUID subjectId() {
            return publicationId;
        }
    }

    /** A claimed edition delivery; {@code data} is the edition event's JSON. */
    record EditionDue(UUID id, UUID subscriberId, UUID editionId, int attempts, String email, String data,
            boolean mailable) implements Claimed {
        @Override
        public UUID subjectId() {
            return editionId;
        }
    }

    @Inject
    @Location("edition.txt")
    Template editionText;

    @Inject
    @Location("edition.html")
    Template editionHtml;

    @Inject
    Tokens tokens;

    @ConfigProperty(name = "newsroom.notify.base-url")
    String baseUrl;

    @Scheduled(every = "${newsroom.notify.send-interval:1s}", identity = "delivery-sender",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        List<Due> batch;
        List<EditionDue> editions;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::claim);
            batch.forEach(this::send);
            editions = QuarkusTransaction.requiringNew().call(this::claimEditions);
            editions.forEach(this::send);
        } while (batch.size() == batchSize || editions.size() == batchSize);
    }

    @SuppressWarnings("unchecked")
    List<Due> claim() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE delivery d SET next_attempt_at = now() + (?2 * interval '1 second')
                FROM subscriber s, publication_notice p
                WHERE d.id IN (SELECT id FROM delivery
                               WHERE status = 'PENDING' AND next_attempt_at <= now() AND publication_id IS NOT NULL
                               ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED)
                  AND s.id = d.subscriber_id AND p.publication_id = d.publication_id
                RETURNING d.id, d.subscriber_id, d.publication_id, d.attempts, s.email, p.headline, p.summary,
                          p.url, p.outlet, p.outlet_url,
                          s.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM suppression x WHERE x.email = s.email)""")
                .setParameter(1, batchSize)
                .setParameter(2, lease.toSeconds())
                .getResultList();
        return rows.stream().map(r -> new Due((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue(),
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (Boolean) r[10])).toList();
    }

    @SuppressWarnings("unchecked")
    List<EditionDue> claimEditions() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE delivery d SET next_attempt_at = now() + (?2 * interval '1 second')
                FROM subscriber s, edition_notice e
                WHERE d.id IN (SELECT id FROM delivery
                               WHERE status = 'PENDING' AND next_attempt_at <= now() AND edition_id IS NOT NULL
                               ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED)
                  AND s.id = d.subscriber_id AND e.edition_id = d.edition_id
                RETURNING d.id, d.subscriber_id, d.edition_id, d.attempts, s.email, e.data,
                          s.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM suppression x WHERE x.email = s.email)""")
                .setParameter(1, batchSize)
                .setParameter(2, lease.toSeconds())
                .getResultList();
        return rows.stream().map(r -> new EditionDue((UUID) r[0], (UUID) r[1], (UUID) r[2],
                ((Number) r[3]).intValue(), (String) r[4], (String) r[5], (Boolean) r[6])).toList();
    }

    void send(Claimed due) {
        if (!due.mailable()) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "UPDATE delivery SET status = 'SUPPRESSED' WHERE id = ?1 AND status = 'PENDING'")
                    .setParameter(1, due.id()).executeUpdate());
            return;
        }
        try {
            Mail mail = due instanceof EditionDue edition ? composeEdition(edition) : compose((Due) due);
            MailThread.EXECUTOR.submit(() -> mailer.send(mail)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            failed(due, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
            return;
        } catch (RuntimeException e) {
            failed(due, e);
            return;
        }
        Instant sentAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            int updated = entityManager.createNativeQuery("""
                    UPDATE delivery SET status = 'SENT', sent_at = ?2, attempts = attempts + 1, last_error = NULL
                    WHERE id = ?1 AND status = 'PENDING'""")
                    .setParameter(1, due.id())
                    .setParameter(2, sentAt)
                    .executeUpdate();
            if (updated == 1) {
                events.sent(due.id(), due.subjectId(), due.subscriberId(), Newsletter.CHANNEL, sentAt);
            }
        });
    }

    private void failed(Claimed due, RuntimeException e) {
        int attempts = due.attempts() + 1;
        boolean giveUp = attempts >= maxAttempts;
        Duration delay = backoff(attempts);
        LOG.warnf(e, "Delivery %s to %s failed (attempt %d of %d)%s: %s", due.id(), due.email(), attempts, maxAttempts,
                giveUp ? ", giving up" : ", retrying in " + delay, e.getMessage());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE delivery SET attempts = ?2, last_error = ?3, status = ?4,
                       next_attempt_at = now() + (?5 * interval '1 second')
                WHERE id = ?1 AND status = 'PENDING'""")
                .setParameter(1, due.id())
                .setParameter(2, attempts)
                .setParameter(3, describe(e))
                .setParameter(4, giveUp ? "FAILED" : "PENDING")
                .setParameter(5, delay.toSeconds())
                .executeUpdate());
    }

    /** retry-delay, doubled after every failed attempt, at most {@link #MAX_DELAY}. */
    Duration backoff(int attempts) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    Mail compose(Due due) {
        StringBuilder text = new StringBuilder();
        if (due.summary() != null && !due.summary().isBlank()) {
            text.append(Arrays.stream(due.summary().strip().split("\\R\\s*\\R"))
                    .map(String::strip).filter(p -> !p.isEmpty())
                    .collect(Collectors.joining("\n\n")))
                    .append("\n\n");
        }
        text.append("Read on: ").append(due.url()).append("\n\n");
        text.append("— ").append(due.outlet());
        if (due.outletUrl() != null && !due.outletUrl().isBlank()) {
            text.append(' ').append(due.outletUrl());
        }
        text.append('\n');
        String unsubscribe = unsubscribeLink(due);
        String preferences = preferencesLink(due);
        text.append("\n--\nUnsubscribe: ").append(unsubscribe).append('\n')
                .append("Change your topics: ").append(preferences).append('\n');
        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to this URL.
        return Mail.withText(due.email(), due.headline(), text.toString())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /** The edition, rendered from its Qute templates as plain text with an HTML alternative. */
    Mail composeEdition(EditionDue due) {
        EditionPublished edition = EventCodec.decode(due.data(), EditionPublished.class);
        String unsubscribe = unsubscribeLink(due);
        EditionMail view = EditionMail.of(edition, unsubscribe, preferencesLink(due));
        String text = editionText.data(view).render();
        String html = editionHtml.data(view).render();
        return Mail.withText(due.email(), edition.title(), text)
                .setHtml(html)
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private String unsubscribeLink(Claimed due) {
        return base() + "/api/subscriptions/unsubscribe?token=" + tokens.subscription(due.subscriberId(), due.email());
    }

    private String preferencesLink(Claimed due) {
        return base() + "/api/subscriptions/preferences?token=" + tokens.subscription(due.subscriberId(), due.email());
    }

    private static String describe(Throwable e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
