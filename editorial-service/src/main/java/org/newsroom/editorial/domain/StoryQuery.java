package org.newsroom.editorial.domain;

import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.newsroom.problem.PageCursor;

/**
 * The editors' queue: stories matching the filters, in a stable order (newest first by default, or oldest first;
 * ties broken by id), one keyset page at a time; with {@code primaryOnly}, a cluster shows only as its primary. The
 * cursor is the (createdAt, id) of the last story of the previous page, so a deep page costs what the first does
 * (index range scan) and a story arriving meanwhile neither repeats nor skips one.
 */
public record StoryQuery(
        Set<StoryStatus> statuses,
        String section,
        String source,
        String assignee,
        String text,
        UUID cluster,
        boolean primaryOnly,
        Set<Flag> flags,
        Instant from,
        Instant to,
        PageCursor after,
        boolean oldestFirst,
        int limit) {

    /** What needs a chief editor's or an editor's attention, by the story field that shows it. */
    public enum Flag {
        SOURCE_CHANGED("sourceChanged", "s.source_changed"),
        SOURCE_UPDATE_PENDING("sourceUpdatePending", "s.source_update_pending"),
        KILL_PROPOSED("killProposed", "s.kill_proposed"),
        WITHDRAWN("withdrawn", "s.withdrawn_at IS NOT NULL");

        private final String field;
        private final String condition;

        Flag(String field, String condition) {
            this.field = field;
            this.condition = condition;
        }

        public String field() {
            return field;
        }

        /** @throws IllegalArgumentException if no flag has that name */
        public static Flag named(String field) {
            for (Flag flag : values()) {
                if (flag.field.equals(field)) {
                    return flag;
                }
            }
            throw new IllegalArgumentException(field);
        }
    }

    /** One page, and the cursor of the next one (null on the last page). */
    public record Page(List<Story> stories, PageCursor next) {}

    public Page run() {
        StringBuilder sql = new StringBuilder("SELECT s.* FROM story s WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND s.status IN (:statuses)");
            params.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (section != null) {
            sql.append(" AND :section = ANY (s.sections)");
            params.put("section", section);
        }
        if (source != null) {
            sql.append(" AND s.source = :source");
            params.put("source", source);
        }
        if (assignee != null) {
            sql.append(" AND s.assignee = :assignee");
            params.put("assignee", assignee);
        }
        if (cluster != null) {
            sql.append(" AND s.cluster_id = :cluster");
            params.put("cluster", cluster);
        }
        if (primaryOnly) {
            // Alternates collapse into their cluster's primary, the first by Cluster.ORDER (whose bare column names
            // are the subquery's own story p).
            sql.append(" AND (s.cluster_id IS NULL OR s.id = (SELECT p.id FROM story p")
                    .append(" WHERE p.cluster_id = s.cluster_id ORDER BY ")
                    .append(Cluster.ORDER)
                    .append(" LIMIT 1))");
        }
        for (Flag flag : flags == null ? Set.<Flag>of() : flags) {
            sql.append(" AND ").append(flag.condition);
        }
        if (text != null) {
            sql.append(" AND s.search @@ websearch_to_tsquery('english', :text)");
            params.put("text", text);
        }
        if (from != null) {
            sql.append(" AND s.created_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND s.created_at < :to");
            params.put("to", to);
        }
        if (after != null) {
            sql.append(
                    oldestFirst
                            ? " AND (s.created_at, s.id) > (:afterAt, :afterId)"
                            : " AND (s.created_at, s.id) < (:afterAt, :afterId)");
            params.put("afterAt", after.instantKey());
            params.put("afterId", after.id());
        }
        sql.append(oldestFirst ? " ORDER BY s.created_at, s.id" : " ORDER BY s.created_at DESC, s.id DESC");
        sql.append(" LIMIT :limit");
        params.put("limit", limit + 1);

        Query query = Story.getEntityManager().createNativeQuery(sql.toString(), Story.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Story> rows = new ArrayList<>(query.getResultList());
        PageCursor next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Story last = rows.get(limit - 1);
            next = PageCursor.of(last.createdAt, last.id);
        }
        return new Page(rows, next);
    }
}
