package org.newsroom.publish.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroom.events.Attribution;
import org.newsroom.events.PublicationPublished;
import org.newsroom.outbox.Outbox;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;

/** Announces publications on {@code news.publications}, through the outbox. */
@ApplicationScoped
public class PublicationEvents {

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    public void published(Publication publication) {
        outbox.publish(publication.id.toString(), new PublicationPublished(publication.id, publication.storyId,
                publication.slug, urls.story(publication.slug), publication.headline, publication.summary,
                publication.byline, new Attribution(publication.outlet, publication.outletUrl),
                publication.version, publication.publishedAt));
    }
}
