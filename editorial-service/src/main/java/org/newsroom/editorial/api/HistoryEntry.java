package org.newsroom.editorial.api;

import java.time.Instant;
import java.util.Map;
import org.newsroom.editorial.domain.StoryStatus;
import org.newsroom.editorial.domain.StoryTransition;

/**
 * One entry of a story's audit trail: what was done (RECEIVE, SOURCE_UPDATE, SOURCE_CHANGED, SOURCE_HELD,
 * SOURCE_APPLIED, SOURCE_DISCARDED, WITHDRAW, EDIT, MAKE_PRIMARY, SUBMIT, APPROVE, REJECT, PUBLISH, CORRECT, KILL), by whom, when, the status before and after, the field-level diff
 * ({@code {"headline": {"from": …, "to": …}}}) and the reason given.
 */
public record HistoryEntry(String action, String actor, Instant at, StoryStatus fromStatus, StoryStatus toStatus,
        Map<String, Object> changes, String reason) {

    static HistoryEntry of(StoryTransition t) {
        return new HistoryEntry(t.action, t.actor, t.at, t.fromStatus, t.toStatus,
                t.changes == null ? Map.of() : t.changes, t.reason);
    }
}
