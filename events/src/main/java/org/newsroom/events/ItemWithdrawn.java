package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code news.item.withdrawn.v1}: the source withdrew an item (e.g. a partner push with {@code pubStatus=canceled});
 * it must not be used any more. Keyed by {@code itemId}.
 */
public record ItemWithdrawn(
        UUID itemId, String source, String externalId, Integer version, String reason, Instant withdrawnAt) {

    public ItemWithdrawn {
        Required.field(itemId, "itemId");
        Required.field(source, "source");
        Required.field(withdrawnAt, "withdrawnAt");
    }
}
