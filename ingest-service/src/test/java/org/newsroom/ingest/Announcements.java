package org.newsroom.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import org.newsroom.ingest.domain.Item;

/**
 * What ingest has announced about an item, read from its outbox. Exact as soon as the call that caused it answered:
 * each event is written in the transaction of its change, so "nothing more was announced" needs no quiet window on
 * the topic.
 */
public final class Announcements {

    private Announcements() {}

    /** The CloudEvents types announced for the item, oldest first. */
    @SuppressWarnings("unchecked")
    public static List<String> of(String itemId) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) Item.getEntityManager()
                .createNativeQuery("SELECT type FROM outbox_event WHERE aggregate_id = ?1 ORDER BY created_at")
                .setParameter(1, itemId)
                .getResultList());
    }
}
