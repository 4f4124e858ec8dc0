package org.newsroom.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the W3C trace context across the outbox. The relay sends events long after the request or record that
 * caused them, on its own thread, so the context is stored with the event and put back on the Kafka record; a
 * consumer continues the trace from those headers. Trace ids travel even when no span is sampled or exported, so
 * logs of one item's journey can be correlated on every hop.
 */
@ApplicationScoped
public class TraceContext {
    static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false)
                    .map(Header::key)
                    .toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    /** The {@code traceparent} of the current span, or null outside any trace. */
    public String current() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Starts a consumer span continuing the record's trace and makes it current until the returned scope closes. */
    public Scope continueFrom(ConsumerRecord<String, String> record, String eventType) {
        Context parent = openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.root(), record.headers(), KAFKA_HEADERS);
        return start(parent, eventType + " process", SpanKind.CONSUMER, record.topic());
    }

    /**
     * Continues a trace saved earlier with {@link #current()} (work queued in a table and done later, such as a
     * delivery) until the returned scope closes; a null traceparent starts nothing but still returns a scope.
     */
    public Scope resume(String traceparent, String work) {
        if (traceparent == null) {
            return Scope.noop();
        }
        Context parent = openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
        return start(parent, work, SpanKind.INTERNAL, null);
    }

    private Scope start(Context parent, String name, SpanKind kind, String topic) {
        var builder = openTelemetry
                .getTracer("newsroom")
                .spanBuilder(name)
                .setParent(parent)
                .setSpanKind(kind);
        if (topic != null) {
            builder.setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic);
        }
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return () -> {
            scope.close();
            span.end();
        };
    }
}
