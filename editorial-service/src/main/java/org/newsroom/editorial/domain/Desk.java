package org.newsroom.editorial.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.newsroom.editorial.messaging.StoryEvents;
import org.newsroom.events.ItemIngested;

/** The editorial desk: where items become stories and stories move through the workflow. */
@ApplicationScoped
public class Desk {

    @Inject
    StoryEvents events;

    /** An item arrives once as a story, however often its event is delivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Story receive(ItemIngested item) {
        return Story.findByItemId(item.itemId()).orElseGet(() -> {
            Story story = new Story();
            story.id = UUID.randomUUID();
            story.itemId = item.itemId();
            story.source = item.source();
            story.url = item.url();
            story.headline = item.headline();
            story.summary = item.summary();
            story.byline = item.byline();
            story.outlet = item.attribution().outlet();
            story.outletUrl = item.attribution().url();
            story.status = StoryStatus.NEW;
            story.createdAt = Instant.now();
            story.persist();
            return story;
        });
    }

    @Transactional
    public Optional<Story> approve(UUID storyId, String chiefEditor) {
        return Story.<Story>findByIdOptional(storyId).map(story -> {
            StoryStatus from = move(story, StoryStatus.APPROVED);
            story.approvedAt = Instant.now();
            story.approvedBy = chiefEditor;
            StoryTransition.record(story, from, chiefEditor, story.approvedAt);
            events.approved(story);
            return story;
        });
    }

    private static StoryStatus move(Story story, StoryStatus to) {
        StoryStatus from = story.status;
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(from, to);
        }
        story.status = to;
        return from;
    }
}
