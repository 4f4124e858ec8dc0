package org.newsroom.notify.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The state of a subscription as a caller may see it; the address only to whoever holds its token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionStatus(String status, String email) {

    static final SubscriptionStatus PENDING = new SubscriptionStatus("PENDING", null);
}
