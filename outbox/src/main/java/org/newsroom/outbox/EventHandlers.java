package org.newsroom.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.newsroom.events.EventType;

/**
 * What a consumer does with each event type it knows, declared once: {@code new EventHandlers().on(ItemIngested.class,
 * desk::receive)}. Types without a handler are skipped, so producers can add event types before consumers know them.
 */
public final class EventHandlers {
    private final Map<String, Handler<?>> byType = new HashMap<>();

    public <T> EventHandlers on(Class<T> payload, Consumer<T> effect) {
        return on(payload, (event, decoded) -> effect.accept(decoded));
    }

    /** For an effect that needs the envelope too (id, type, raw JSON), e.g. to forward the event as it came. */
    public <T> EventHandlers on(Class<T> payload, BiConsumer<IncomingEvent, T> effect) {
        byType.put(EventType.of(payload).type(), new Handler<>(payload, effect));
        return this;
    }

    /** The effect of this event, its payload decoded (a {@code PoisonEventException} if it cannot be). */
    Optional<Runnable> effectOf(IncomingEvent event) {
        return Optional.ofNullable(byType.get(event.type())).map(handler -> handler.bind(event));
    }

    private record Handler<T>(Class<T> payload, BiConsumer<IncomingEvent, T> effect) {
        Runnable bind(IncomingEvent event) {
            T decoded = event.payload(payload);
            return () -> effect.accept(event, decoded);
        }
    }
}
