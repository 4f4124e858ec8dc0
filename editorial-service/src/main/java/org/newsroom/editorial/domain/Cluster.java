package org.newsroom.editorial.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stories whose items ingest found to report the same news. The primary is the story an editor chose last, or
 * without a choice the earliest story (by creation, then id): derived at read time, so two items of a cluster
 * arriving at once on different partitions or replicas cannot both claim it. {@link #ORDER} is that rule, once,
 * for every query that needs it.
 */
public record Cluster(UUID id, List<Story> members) {
    /** The members in primary-first order, as SQL over the story table. */
    static final String ORDER = "primary_chosen_at DESC NULLS LAST, created_at, id";

    /** The cluster of a story, or null if it belongs to none. */
    public static Cluster of(Story story) {
        if (story.clusterId == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Story> members = Story.getEntityManager()
                .createNativeQuery("SELECT * FROM story WHERE cluster_id = ?1 ORDER BY " + ORDER, Story.class)
                .setParameter(1, story.clusterId)
                .getResultList();
        return new Cluster(story.clusterId, members);
    }

    public Story primary() {
        return members.get(0);
    }

    public boolean isPrimary(Story story) {
        return primary().id.equals(story.id);
    }

    public List<Story> alternatesOf(Story story) {
        return members.stream().filter(member -> !member.id.equals(story.id)).toList();
    }

    /** A cluster's primary and size, as a queue page shows them. */
    public record Summary(UUID primaryId, long size) {}

    /** The summaries of the given clusters, in one query (a queue page's worth). */
    public static Map<UUID, Summary> summaries(Collection<UUID> clusterIds) {
        Map<UUID, Summary> summaries = new HashMap<>();
        if (clusterIds.isEmpty()) {
            return summaries;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Story.getEntityManager()
                .createNativeQuery(
                        "SELECT cluster_id,"
                                + " (array_agg(id ORDER BY " + ORDER + "))[1], count(*) FROM story"
                                + " WHERE cluster_id IN (:ids) GROUP BY cluster_id",
                        Object[].class)
                .setParameter("ids", clusterIds)
                .getResultList();
        rows.forEach(row -> summaries.put((UUID) row[0], new Summary((UUID) row[1], ((Number) row[2]).longValue())));
        return summaries;
    }
}
