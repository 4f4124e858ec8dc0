package org.newsroom.bench.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsroom.bench.Latencies;

/**
 * {@code clients} concurrent clients working through {@code jobs} numbered jobs, client {@code c} taking jobs c, c +
 * clients, …, one after the other, as that many people at their screens would. Each successful job's time is
 * recorded; a failed job is counted and the client goes on, so that a slow or refusing service shows in the figures instead of ending
 * the run.
 */
final class Clients {

    @FunctionalInterface
    interface Job {
        void run(int job) throws Exception;
    }

    /** How the jobs went: those that succeeded (by number), how many failed and why the first did, the wall time. */
    record Outcome(List<Integer> succeeded, int failed, Optional<String> firstFailure, double seconds) {

        double perSecond() {
            return succeeded.size() / seconds;
        }

        String summary(String unit) {
            return String.format(
                            Locale.ROOT,
                            "%,d %s in %.1f s (%,.0f/s) · %,d failed",
                            succeeded.size(),
                            unit,
                            seconds,
                            perSecond(),
                            failed)
                    + firstFailure.map(why -> ", the first: " + why).orElse("");
        }
    }

    private Clients() {}

    static Outcome run(int clients, int jobs, Latencies latencies, Job job) throws Exception {
        List<Integer> succeeded = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int j = client; j < jobs; j += clients) {
                        try {
                            long sent = System.nanoTime();
                            job.run(j);
                            latencies.record(System.nanoTime() - sent);
                            succeeded.add(j);
                        } catch (Exception e) {
                            failures.add(String.valueOf(e.getMessage()));
                        }
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Outcome(
                    List.copyOf(succeeded), failures.size(), failures.stream().findFirst(), seconds);
        } finally {
            pool.shutdown();
        }
    }
}
