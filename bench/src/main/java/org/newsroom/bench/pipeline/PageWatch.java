package org.newsroom.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.newsroom.bench.Latencies;

/**
 * Approve → the story's page served: publish's database is polled (every {@link QueueWatch#POLL}) for the
 * publications of the approved stories not yet served, and each one found is fetched from publish's public port at
 * once, as a reader following its link would; the latency ends when the page has answered 200. Polling the table
 * rather than the page keeps the readers' load at one request per story.
 */
final class PageWatch {
    private final Connection publish;
    private final String site;
    private final HttpClient http;

    PageWatch(Connection publish, String site, HttpClient http) {
        this.publish = publish;
        this.site = site;
        this.http = http;
    }

    /**
     * Waits until the page of every story in {@code intended} (its approval's intended System.nanoTime) is served,
     * or until {@code deadline}, or until only {@code lost} ones are left (stories that cannot be published);
     * returns those that were not served.
     */
    Set<UUID> await(Map<UUID, Long> intended, long deadline, Predicate<UUID> lost, Latencies latencies)
            throws SQLException, InterruptedException {
        Map<UUID, Long> waiting = new ConcurrentHashMap<>(intended);
        Set<UUID> fetching = ConcurrentHashMap.newKeySet();
        try (PreparedStatement query =
                publish.prepareStatement("SELECT story_id, slug FROM publication WHERE story_id = ANY(?)")) {
            while (!waiting.keySet().stream().allMatch(lost) && System.nanoTime() < deadline) {
                for (Map.Entry<UUID, String> published :
                        published(query, due(waiting)).entrySet()) {
                    UUID story = published.getKey();
                    if (fetching.add(story)) {
                        fetch(published.getValue()).thenAccept(served -> {
                            if (served) {
                                latencies.record(System.nanoTime() - waiting.remove(story));
                            }
                            fetching.remove(story);
                        });
                    }
                }
                Thread.sleep(QueueWatch.POLL.toMillis());
            }
        }
        return Set.copyOf(waiting.keySet());
    }

    /** The stories whose approval is due by now: only those can have been published. */
    private static List<UUID> due(Map<UUID, Long> waiting) {
        long now = System.nanoTime();
        return waiting.entrySet().stream()
                .filter(story -> story.getValue() <= now)
                .map(Map.Entry::getKey)
                .toList();
    }

    private Map<UUID, String> published(PreparedStatement query, List<UUID> stories) throws SQLException {
        Array ids = publish.createArrayOf("uuid", stories.toArray());
        query.setArray(1, ids);
        Map<UUID, String> slugs = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                slugs.put(rows.getObject(1, UUID.class), rows.getString(2));
            }
        }
        ids.free();
        return slugs;
    }

    /** True when the page answered 200; anything else is tried again at the next poll. */
    private CompletableFuture<Boolean> fetch(String slug) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(site + "/stories/" + slug)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null && response.statusCode() == 200);
    }
}
