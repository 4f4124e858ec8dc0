package org.newsroom.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in readiness what the outbox holds and whether Kafka acknowledges, without ever making the service unready:
 * pages, unsubscribing and partner pushes need only the database, and the events they cause wait in the outbox until
 * the broker is back. The database itself is readiness' own check.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Outbox").up();
        relay.state().forEach((name, value) -> {
            if (value instanceof Long number) {
                response.withData(name, number);
            } else {
                response.withData(name, String.valueOf(value));
            }
        });
        return response.build();
    }
}
