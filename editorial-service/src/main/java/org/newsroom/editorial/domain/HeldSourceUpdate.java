package org.newsroom.editorial.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemUpdated;

/**
 * A source update of a story past approval, held until an editor applies or discards it: what a chief editor
 * approved (and readers may have read) never changes behind their back. One per story; a newer update replaces it.
 */
@Entity
@Table(name = "held_source_update")
public class HeldSourceUpdate extends PanacheEntityBase {

    @Id
    @Column(name = "story_id")
    public UUID storyId;

    @Column(name = "source_version")
    public Integer sourceVersion;

    /** The {@code news.item.updated.v1} payload as it arrived. */
    public String payload;

    @Column(name = "received_at")
    public Instant receivedAt;

    public ItemUpdated item() {
        return EventCodec.decode(payload, ItemUpdated.class);
    }

    /** What applying it would change in the story's source fields now ({@code {"bodyHtml": {"from", "to"}}}). */
    public Map<String, Object> changes(Story story) {
        return SourceFields.of(story).diff(SourceFields.of(item()));
    }

    public static HeldSourceUpdate of(Story story) {
        return story.sourceUpdatePending ? findById(story.id) : null;
    }
}
