package org.newsroom.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event committed with a state change and not yet (or already) handed to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Until when a relay holds the row (sending it); after that another relay may claim it again. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** When the relay gave up on the row for good (Kafka can never accept it as it is); null while it is sendable. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    /** Why the row was parked: the producer's error, for the runbook. */
    @Column(name = "park_reason")
    public String parkReason;

    /** W3C traceparent of the trace that produced the event; null outside any trace. */
    @Column(name = "traceparent")
    public String traceparent;
}
