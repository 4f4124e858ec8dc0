package org.newsroom.notify.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.notify.webhook.WebhookEndpoint;

/** An endpoint as admins see it; the secret only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        String url,
        List<String> eventTypes,
        String status,
        String disabledReason,
        Instant createdAt,
        String secret) {

    static WebhookView of(WebhookEndpoint endpoint, boolean withSecret) {
        return new WebhookView(
                endpoint.id,
                endpoint.url,
                endpoint.eventTypeList(),
                endpoint.status.name(),
                endpoint.disabledReason,
                endpoint.createdAt,
                withSecret ? endpoint.secret : null);
    }
}
