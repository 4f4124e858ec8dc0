package org.newsroom.outbox;

import org.jboss.logging.MDC;

/**
 * Puts the event being applied into the logging MDC, so every log line a handler writes names it: the event id,
 * its type and its aggregate under the aggregate's own name ({@code itemId}, {@code storyId}, {@code publicationId},
 * {@code editionId}, {@code deliveryId}), taken from the type {@code news.<aggregate>.<verb>.v1} and the record key.
 */
final class LogContext implements AutoCloseable {
    private final String aggregateKey;

    private LogContext(String aggregateKey) {
        this.aggregateKey = aggregateKey;
    }

    static LogContext of(IncomingEvent event) {
        MDC.put("eventId", event.id());
        MDC.put("eventType", event.type());
        String aggregateKey = aggregateKey(event.type());
        if (aggregateKey != null && event.key() != null) {
            MDC.put(aggregateKey, event.key());
        }
        return new LogContext(aggregateKey);
    }

    private static String aggregateKey(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 3 && parts[0].equals("news") ? parts[1] + "Id" : null;
    }

    @Override
    public void close() {
        MDC.remove("eventId");
        MDC.remove("eventType");
        if (aggregateKey != null) {
            MDC.remove(aggregateKey);
        }
    }
}
