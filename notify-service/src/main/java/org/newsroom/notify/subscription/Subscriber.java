package org.newsroom.notify.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A reader of the newsletter, known by a lower-cased email address. */
@Entity
public class Subscriber extends PanacheEntityBase {

    public enum Status {
        /** Subscribed, confirmation link not followed yet: receives nothing but the confirmation. */
        PENDING,
        /** Confirmed (double opt-in): receives every publication, unless paused. */
        ACTIVE,
        /** Left through the unsubscribe link: receives nothing until subscribing (and confirming) again. */
        UNSUBSCRIBED
    }

    @Id
    public UUID id;

    public String email;

    public String name;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Subscribed, but sent nothing until the reader resumes (ACTIVE readers only; links keep working). */
    public boolean paused;

    /** Comma-separated topics/sections; empty means everything. */
    public String topics;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    @Column(name = "confirmation_sent_at")
    public Instant confirmationSentAt;

    /** In every subscription token; raising it revokes every link mailed so far. */
    @Column(name = "token_version")
    public int tokenVersion;

    /** Every unsubscribe and preferences link mailed so far stops working; the next email carries new ones. */
    public void revokeLinks() {
        tokenVersion++;
    }

    public List<String> topicList() {
        return topics == null || topics.isBlank() ? List.of() : Arrays.asList(topics.split(","));
    }

    public static String joinTopics(Collection<String> topics) {
        return topics == null
                ? ""
                : String.join(",", topics.stream().distinct().sorted().toList());
    }

    /** Addresses are stored, compared and suppressed trimmed and lower-cased. */
    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Subscriber> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }
}
