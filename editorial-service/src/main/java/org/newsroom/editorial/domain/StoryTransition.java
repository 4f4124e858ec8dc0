package org.newsroom.editorial.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of a story's audit trail: who did what and when, the status before and after, the field-level diff of
 * the copy ({@code {"headline": {"from": …, "to": …}}}) and the reason given.
 */
@Entity
@Table(name = "story_transition")
public class StoryTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "story_id")
    public UUID storyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public StoryStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public StoryStatus toStatus;

    public String actor;

    public Instant at;

    @Enumerated(EnumType.STRING)
    public StoryAction action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> changes;

    public String reason;

    static void record(
            Story story,
            StoryStatus from,
            StoryAction action,
            String actor,
            Instant at,
            Map<String, Object> changes,
            String reason) {
        StoryTransition transition = new StoryTransition();
        transition.storyId = story.id;
        transition.fromStatus = from;
        transition.toStatus = story.status;
        transition.action = action;
        transition.actor = actor;
        transition.at = at;
        transition.changes = changes == null || changes.isEmpty() ? null : changes;
        transition.reason = reason;
        transition.persist();
    }

    public static List<StoryTransition> history(UUID storyId) {
        return list("storyId = ?1 order by at, id", storyId);
    }
}
