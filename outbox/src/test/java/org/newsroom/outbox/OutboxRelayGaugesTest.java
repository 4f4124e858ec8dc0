package org.newsroom.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The outbox gauges belong to the running relay, also when the registry outlives an earlier one. */
class OutboxRelayGaugesTest {

    private static OutboxRelay relay(MeterRegistry registry) {
        OutboxRelay relay = new OutboxRelay();
        relay.metrics = registry;
        return relay;
    }

    @Test
    void aRestartedRelayReportsItsOwnBacklog() {
        MeterRegistry registry = new SimpleMeterRegistry();
        OutboxRelay stopped = relay(registry);
        stopped.registerGauges();
        stopped.backlog.set(5);
        stopped.removeGauges();

        OutboxRelay running = relay(registry);
        running.registerGauges();
        running.backlog.set(7);

        assertEquals(7.0, registry.get("newsroom.outbox.backlog").gauge().value());
        assertEquals(1, registry.find("newsroom.outbox.backlog").gauges().size());
    }
}
