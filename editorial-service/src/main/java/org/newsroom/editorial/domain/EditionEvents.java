package org.newsroom.editorial.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroom.events.EditionApproved;
import org.newsroom.outbox.Outbox;

/** Announces approved editions on {@code news.editorial}, through the outbox, keyed by edition id. */
@ApplicationScoped
public class EditionEvents {

    @Inject
    Outbox outbox;

    public void approved(EditionApproved snapshot) {
        outbox.publish(snapshot.editionId().toString(), snapshot);
    }
}
