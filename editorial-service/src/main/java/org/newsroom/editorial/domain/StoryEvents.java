package org.newsroom.editorial.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroom.events.Attribution;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.StoryKilled;
import org.newsroom.outbox.Outbox;

/** Announces workflow decisions on {@code news.editorial}, through the outbox, keyed by story id. */
@ApplicationScoped
public class StoryEvents {

    @Inject
    Outbox outbox;

    /** The full approved copy; {@code embargoedUntil} is what publish-service holds it until (embargo or schedule). */
    public void approved(Story story) {
        publish(
                story,
                new StoryApproved(
                        story.id,
                        story.itemId,
                        story.headline,
                        story.summary,
                        story.byline,
                        new Attribution(story.outlet, story.outletUrl),
                        story.approvedBy,
                        story.approvedAt,
                        story.editorsNote,
                        story.sectionList(),
                        story.bodyHtml,
                        story.dateline,
                        story.imageUrl,
                        story.imageCaption,
                        story.imageCredit,
                        story.rights,
                        story.authorBio,
                        story.holdUntil()));
    }

    public void corrected(Story story) {
        publish(
                story,
                new StoryCorrected(
                        story.id,
                        story.itemId,
                        story.headline,
                        story.summary,
                        story.byline,
                        new Attribution(story.outlet, story.outletUrl),
                        story.editorsNote,
                        story.correctionNote,
                        story.updatedBy,
                        story.updatedAt,
                        story.sectionList(),
                        story.bodyHtml,
                        story.dateline,
                        story.imageUrl,
                        story.imageCaption,
                        story.imageCredit,
                        story.rights,
                        story.authorBio));
    }

    public void killed(Story story) {
        publish(story, new StoryKilled(story.id, story.killReason, story.updatedBy, story.updatedAt));
    }

    /** Measured first: an event Kafka would refuse must fail the change now, not stall the relay later. */
    private void publish(Story story, Object payload) {
        Limits.requireSendable(payload);
        outbox.publish(story.id.toString(), payload);
    }
}
