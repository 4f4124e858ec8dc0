package org.newsroom.notify.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A reader of the newsletter, known by a lower-cased email address. */
@Entity
public class Subscriber extends PanacheEntityBase {

    public enum Status {
        /** Subscribed, confirmation link not followed yet: receives nothing but the confirmation. */
        PENDING,
        /** Confirmed (double opt-in): receives every publication. */
        ACTIVE
    }

    @Id
    public UUID id;

    public String email;

    public String name;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "confirm_token")
    public String confirmToken;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public static Optional<Subscriber> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    public static Optional<Subscriber> findByConfirmToken(String token) {
        return find("confirmToken", token).firstResultOptional();
    }
}
