package org.newsroom.publish.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroom.events.Attribution;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.PublicationRetracted;
import org.newsroom.events.PublicationUpdated;
import org.newsroom.outbox.Outbox;

/**
 * Announces publications on {@code news.publications}, through the outbox, keyed by publication id so that a
 * publication's events stay in order. Each event is a self-contained snapshot of what readers now see.
 */
@ApplicationScoped
public class PublicationEvents {

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    public void published(Publication p) {
        Article a = p.article;
        outbox.publish(
                p.id.toString(),
                new PublicationPublished(
                        p.id,
                        p.storyId,
                        p.slug,
                        urls.story(p.slug),
                        a.headline,
                        a.summary,
                        a.byline,
                        new Attribution(a.outlet, a.outletUrl),
                        p.version,
                        p.publishedAt,
                        a.editorsNote,
                        a.sections,
                        a.bodyHtml,
                        a.dateline,
                        a.imageUrl,
                        a.imageCaption,
                        a.imageCredit,
                        a.rights,
                        a.authorBio,
                        p.embargoedUntil));
    }

    public void updated(Publication p) {
        Article a = p.article;
        outbox.publish(
                p.id.toString(),
                new PublicationUpdated(
                        p.id,
                        p.storyId,
                        p.slug,
                        urls.story(p.slug),
                        a.headline,
                        a.summary,
                        a.byline,
                        new Attribution(a.outlet, a.outletUrl),
                        p.version,
                        p.publishedAt,
                        p.updatedAt,
                        p.correctionNote,
                        a.editorsNote,
                        a.sections,
                        a.bodyHtml,
                        a.dateline,
                        a.imageUrl,
                        a.imageCaption,
                        a.imageCredit,
                        a.rights,
                        a.authorBio));
    }

    public void retracted(Publication p) {
        outbox.publish(
                p.id.toString(),
                new PublicationRetracted(
                        p.id,
                        p.storyId,
                        p.slug,
                        urls.story(p.slug),
                        p.article.headline,
                        p.retractionReason,
                        p.version,
                        p.retractedAt));
    }
}
