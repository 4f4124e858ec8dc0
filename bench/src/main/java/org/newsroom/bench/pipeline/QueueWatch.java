package org.newsroom.bench.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.newsroom.bench.Latencies;

/**
 * Push → story in the editors' queue, read from editorial's own database: a story is visible to editors once its row
 * is committed, and a query every {@link #POLL} sees it then without going through (and loading) the service. Each
 * query asks only for NEW stories created since the oldest push not yet seen (the queue's index), so it stays cheap
 * however many stories the run leaves behind; its start is when a story counts as seen, so the figure is late by
 * at most one poll.
 */
final class QueueWatch {
    static final Duration POLL = Duration.ofMillis(10);
    /** Margin for the two clocks' reading of the same moment (editorial stamps created_at with its own). */
    private static final long SKEW_MILLIS = 1000;

    private final Connection editorial;

    QueueWatch(Connection editorial) {
        this.editorial = editorial;
    }

    /**
     * Waits until the story of every pushed item that was accepted is in the queue, or until {@code deadline} (a
     * System.nanoTime); records each one's latency from its intended push time, and returns the story ids by push.
     *
     * @param headlines the pushed headlines by push
     * @param accepted ingest's answers to the pushes, still coming in: a refused push has no story to wait for
     */
    UUID[] await(OpenLoop schedule, String[] headlines, Answers accepted, long deadline, Latencies latencies)
            throws SQLException, InterruptedException {
        Map<String, Integer> pushes = new HashMap<>();
        for (int i = 0; i < headlines.length; i++) {
            pushes.put(headlines[i], i);
        }
        UUID[] stories = new UUID[headlines.length];
        int oldest = 0;
        try (PreparedStatement query =
                editorial.prepareStatement("SELECT id, headline FROM story WHERE status = 'NEW' AND created_at >= ?")) {
            while (true) {
                while (oldest < stories.length && (stories[oldest] != null || accepted.refused(oldest))) {
                    oldest++;
                }
                if (oldest == stories.length || System.nanoTime() > deadline) {
                    return stories;
                }
                query.setTimestamp(1, new Timestamp(schedule.intendedEpochMillis(oldest) - SKEW_MILLIS));
                try (ResultSet rows = query.executeQuery()) {
                    // Taken once the answer is in, not before the query: a story pushed while the query waited
                    // for its turn can be in the answer, and would otherwise count as seen before it was sent.
                    long polled = System.nanoTime();
                    while (rows.next()) {
                        Integer push = pushes.get(rows.getString(2));
                        if (push != null && stories[push] == null) {
                            stories[push] = rows.getObject(1, UUID.class);
                            latencies.record(polled - schedule.intended(push));
                        }
                    }
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }
}
