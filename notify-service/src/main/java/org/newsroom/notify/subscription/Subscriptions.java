package org.newsroom.notify.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.notify.domain.NotifySettings;

/**
 * Double opt-in: a subscription starts PENDING and a confirmation email carries a signed, expiring token; following
 * the link makes the subscriber ACTIVE. Callers learn nothing about whether an address was already known. A reader
 * leaves, or changes topics, with the signed subscription token of every newsletter email.
 */
@ApplicationScoped
public class Subscriptions {

    @Inject
    EntityManager entityManager;

    @Inject
    ConfirmationMail confirmationMail;

    @Inject
    Tokens tokens;

    @Inject
    Suppressions suppressions;

    @Inject
    NotifySettings config;

    /**
     * Records the address (once, even under concurrent requests) and, while it is not confirmed, (re-)sends a
     * confirmation email once this transaction has committed. A suppressed address gets nothing; an active reader's
     * topics are not changed here (that takes the token of their emails). A reader who left and comes back gets new
     * links: those of the emails before they left are revoked.
     */
    @Transactional
    public void subscribe(String email, String name, List<String> topics) {
        String address = Subscriber.normalizeEmail(email);
        entityManager
                .createNativeQuery("""
                INSERT INTO subscriber (id, email, name, status, topics, created_at)
                VALUES (?1, ?2, ?3, 'PENDING', ?4, ?5)
                ON CONFLICT (email) DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, address)
                .setParameter(3, name == null || name.isBlank() ? null : name.strip())
                .setParameter(4, Subscriber.joinTopics(topics))
                .setParameter(5, Instant.now())
                .executeUpdate();
        Subscriber subscriber = Subscriber.findByEmail(address).orElseThrow();
        if (subscriber.status == Subscriber.Status.ACTIVE || suppressions.isSuppressed(address)) {
            return;
        }
        if (subscriber.status == Subscriber.Status.UNSUBSCRIBED) {
            subscriber.revokeLinks();
        }
        subscriber.status = Subscriber.Status.PENDING;
        subscriber.topics = Subscriber.joinTopics(topics);
        if (name != null && !name.isBlank()) {
            subscriber.name = name.strip();
        }
        Instant now = Instant.now();
        Instant sentAt = subscriber.confirmationSentAt;
        if (sentAt != null && sentAt.plus(config.confirmResendInterval()).isAfter(now)) {
            return;
        }
        subscriber.confirmationSentAt = now;
        confirmationMail.sendAfterCommit(subscriber.email, tokens.confirmation(subscriber.id, subscriber.email));
    }

    /**
     * What the confirmation page shows before its button is pressed: nothing changes (mail scanners open links).
     *
     * @return the subscriber the token belongs to
     * @throws UnknownTokenException for a forged token
     * @throws ExpiredConfirmationException for a genuine one followed too late
     */
    @Transactional
    public Subscriber byConfirmationToken(String token) {
        Subscriber subscriber = tokens.claimedSubscriber(token, true)
                .flatMap(id -> Subscriber.<Subscriber>findByIdOptional(id))
                .orElseThrow(UnknownTokenException::new);
        Tokens.Verdict verdict = tokens.verify(token, true, subscriber);
        if (verdict instanceof Tokens.Verdict.Expired) {
            throw new ExpiredConfirmationException();
        }
        if (!(verdict instanceof Tokens.Verdict.Valid)) {
            throw new UnknownTokenException();
        }
        return subscriber;
    }

    /**
     * @return the subscriber the token belongs to, now ACTIVE
     * @throws UnknownTokenException for a forged token
     * @throws ExpiredConfirmationException for a genuine one followed too late
     */
    @Transactional
    public Subscriber confirm(String token) {
        Subscriber subscriber = byConfirmationToken(token);
        if (subscriber.status != Subscriber.Status.ACTIVE) {
            subscriber.status = Subscriber.Status.ACTIVE;
            subscriber.confirmedAt = Instant.now();
            subscriber.unsubscribedAt = null;
        }
        return subscriber;
    }

    /** One-click unsubscribe (RFC 8058): the subscription token is the only credential. Idempotent. */
    @Transactional
    public Subscriber unsubscribe(String token) {
        Subscriber subscriber = bySubscriptionToken(token);
        if (subscriber.status != Subscriber.Status.UNSUBSCRIBED) {
            subscriber.status = Subscriber.Status.UNSUBSCRIBED;
            subscriber.unsubscribedAt = Instant.now();
        }
        return subscriber;
    }

    /** Reads the subscription a token belongs to; changes nothing. */
    @Transactional
    public Subscriber preferences(String token) {
        return bySubscriptionToken(token);
    }

    @Transactional
    public Subscriber changeTopics(String token, List<String> topics) {
        Subscriber subscriber = bySubscriptionToken(token);
        subscriber.topics = Subscriber.joinTopics(topics);
        return subscriber;
    }

    /**
     * The preferences form: topics, and whether the newsletter is paused. A paused reader stays subscribed but is
     * sent nothing, not even deliveries already queued, until they resume.
     */
    @Transactional
    public Subscriber changePreferences(String token, List<String> topics, boolean paused) {
        Subscriber subscriber = changeTopics(token, topics);
        subscriber.paused = paused;
        return subscriber;
    }

    /**
     * "Sign out every link": this token and every other unsubscribe/preferences link mailed so far stop working
     * ({@link RevokedLinkException}), e.g. after a newsletter was forwarded. The next email carries working links
     * again.
     */
    @Transactional
    public Subscriber revokeLinks(String token) {
        Subscriber subscriber = bySubscriptionToken(token);
        subscriber.revokeLinks();
        return subscriber;
    }

    private Subscriber bySubscriptionToken(String token) {
        Subscriber subscriber = tokens.claimedSubscriber(token, false)
                .flatMap(id -> Subscriber.<Subscriber>findByIdOptional(id))
                .orElseThrow(UnknownTokenException::new);
        Tokens.Verdict verdict = tokens.verify(token, false, subscriber);
        if (verdict instanceof Tokens.Verdict.Revoked) {
            throw new RevokedLinkException();
        }
        if (!(verdict instanceof Tokens.Verdict.Valid)) {
            throw new UnknownTokenException();
        }
        return subscriber;
    }
}
