package org.newsroom.notify.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Addresses never to be mailed again (hard bounce, complaint), as reported by the mail provider. */
@ApplicationScoped
public class Suppressions {

    public enum Reason {
        HARD_BOUNCE,
        COMPLAINT
    }

    @Inject
    EntityManager entityManager;

    /** @return true when the address was not suppressed before */
    @Transactional
    public boolean suppress(String email, Reason reason, String detail) {
        return entityManager
                        .createNativeQuery("""
                INSERT INTO suppression (email, reason, detail, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (email) DO NOTHING""")
                        .setParameter(1, Subscriber.normalizeEmail(email))
                        .setParameter(2, reason.name())
                        .setParameter(3, detail)
                        .setParameter(4, Instant.now())
                        .executeUpdate()
                == 1;
    }

    @Transactional
    public boolean isSuppressed(String email) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM suppression WHERE email = ?1")
                .setParameter(1, Subscriber.normalizeEmail(email))
                .getResultList()
                .isEmpty();
    }
}
