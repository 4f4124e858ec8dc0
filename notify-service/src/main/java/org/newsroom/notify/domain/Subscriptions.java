package org.newsroom.notify.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Double opt-in: a subscription starts PENDING and a confirmation email carries an unguessable token; following the
 * link makes the subscriber ACTIVE. Callers learn nothing about whether an address was already known.
 */
@ApplicationScoped
public class Subscriptions {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    ConfirmationMail confirmationMail;

    /**
     * Records the address (once, even under concurrent requests) and, while it is not confirmed, (re-)sends the
     * confirmation email once this transaction has committed.
     */
    @Transactional
    public void subscribe(String email, String name) {
        String address = normalize(email);
        entityManager.createNativeQuery("""
                INSERT INTO subscriber (id, email, name, status, confirm_token, created_at)
                VALUES (?1, ?2, ?3, 'PENDING', ?4, ?5)
                ON CONFLICT (email) DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, address)
                .setParameter(3, name == null || name.isBlank() ? null : name.strip())
                .setParameter(4, newToken())
                .setParameter(5, Instant.now())
                .executeUpdate();
        Subscriber subscriber = Subscriber.findByEmail(address).orElseThrow();
        if (subscriber.status == Subscriber.Status.PENDING) {
            confirmationMail.sendAfterCommit(subscriber.email, subscriber.name, subscriber.confirmToken);
        }
    }

    /** @return the subscriber the token belongs to, now ACTIVE; empty for a token never issued */
    @Transactional
    public Optional<Subscriber> confirm(String token) {
        return Subscriber.findByConfirmToken(token).map(subscriber -> {
            if (subscriber.status != Subscriber.Status.ACTIVE) {
                subscriber.status = Subscriber.Status.ACTIVE;
                subscriber.confirmedAt = Instant.now();
            }
            return subscriber;
        });
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** 32 random bytes, base64url: unguessable, and safe in a URL as is. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
