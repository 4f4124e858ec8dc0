package org.newsroom.editorial.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroom.editorial.domain.Story;
import org.newsroom.events.Attribution;
import org.newsroom.events.StoryApproved;
import org.newsroom.outbox.Outbox;

/** Announces workflow decisions on {@code news.editorial}, through the outbox. */
@ApplicationScoped
public class StoryEvents {

    @Inject
    Outbox outbox;

    public void approved(Story story) {
        outbox.publish(story.id.toString(), new StoryApproved(story.id, story.itemId, story.headline, story.summary,
                story.byline, new Attribution(story.outlet, story.outletUrl), story.approvedBy, story.approvedAt));
    }
}
