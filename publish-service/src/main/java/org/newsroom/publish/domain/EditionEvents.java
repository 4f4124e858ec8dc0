package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionPublished;
import org.newsroom.outbox.Outbox;

/** Announces published editions on {@code news.publications}, through the outbox, keyed by edition id. */
@ApplicationScoped
public class EditionEvents {

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    public void published(Edition edition) {
        EditionApproved content = edition.content();
        outbox.publish(
                edition.id.toString(),
                new EditionPublished(
                        edition.id,
                        urls.edition(edition.slug),
                        content.title(),
                        content.date(),
                        content.lead(),
                        content.briefs(),
                        content.sections(),
                        edition.publishedAt));
    }
}
