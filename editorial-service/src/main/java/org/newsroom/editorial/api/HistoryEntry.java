package org.newsroom.editorial.api;

import java.time.Instant;
import java.util.Map;
import org.newsroom.editorial.domain.StoryAction;
import org.newsroom.editorial.domain.StoryStatus;
import org.newsroom.editorial.domain.StoryTransition;

/**
 * One entry of a story's audit trail: what was done ({@link StoryAction}), by whom, when, the status before and
 * after, the field-level diff ({@code {"headline": {"from": …, "to": …}}}) and the reason given.
 */
public record HistoryEntry(
        StoryAction action,
        String actor,
        Instant at,
        StoryStatus fromStatus,
        StoryStatus toStatus,
        Map<String, Object> changes,
        String reason) {

    static HistoryEntry of(StoryTransition t) {
        return new HistoryEntry(
                t.action, t.actor, t.at, t.fromStatus, t.toStatus, t.changes == null ? Map.of() : t.changes, t.reason);
    }
}
