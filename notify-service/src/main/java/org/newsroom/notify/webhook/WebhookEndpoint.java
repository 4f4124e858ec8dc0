package org.newsroom.notify.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A partner's URL receiving publish events, signed with its own secret. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        /** Answered 410 Gone: no more calls. */
        DISABLED,
        /** Removed by an admin; kept for its delivery history. */
        DELETED
    }

    @Id
    public UUID id;

    public String url;

    /** {@code whsec_} + base64 of 32 random bytes; shown once, when the endpoint is created. */
    public String secret;

    /** Comma-separated event types; empty means every type. */
    @Column(name = "event_types")
    public String eventTypes;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> eventTypeList() {
        return eventTypes == null || eventTypes.isBlank() ? List.of() : Arrays.asList(eventTypes.split(","));
    }
}
