package org.newsroom.bench.pipeline;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.newsroom.bench.Latencies;

/** The answers to one open loop's requests: each one's status, and how long after its intended time it came. */
final class Answers {
    private static final int PENDING = 0;
    private static final int NO_ANSWER = -1;

    private final OpenLoop schedule;
    private final int expected;
    private final AtomicIntegerArray statuses;
    private final Latencies latencies = new Latencies();

    Answers(OpenLoop schedule, int count, int expected) {
        this.schedule = schedule;
        this.expected = expected;
        this.statuses = new AtomicIntegerArray(count);
    }

    /** Sends request {@code i} without waiting; its answer is recorded when it comes. */
    CompletableFuture<?> send(HttpClient http, HttpRequest request, int i) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            latencies.record(System.nanoTime() - schedule.intended(i));
            statuses.set(i, failure == null ? response.statusCode() : NO_ANSWER);
        });
    }

    /** True once request {@code i} was answered with anything but the expected status (or failed). */
    boolean refused(int i) {
        int status = statuses.get(i);
        return status != PENDING && status != expected;
    }

    int refused() {
        int refused = 0;
        for (int i = 0; i < statuses.length(); i++) {
            refused += refused(i) ? 1 : 0;
        }
        return refused;
    }

    /** The refusals by status, e.g. {@code 500 ×3}, or "" when there were none. */
    String refusals() {
        Map<String, Integer> byStatus = new TreeMap<>();
        for (int i = 0; i < statuses.length(); i++) {
            if (refused(i)) {
                int status = statuses.get(i);
                byStatus.merge(status == NO_ANSWER ? "no answer" : String.valueOf(status), 1, Integer::sum);
            }
        }
        StringJoiner out = new StringJoiner(", ");
        byStatus.forEach((status, count) -> out.add(status + " ×" + count));
        return out.toString();
    }

    Latencies latencies() {
        return latencies;
    }
}
