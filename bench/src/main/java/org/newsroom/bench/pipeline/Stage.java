package org.newsroom.bench.pipeline;

import java.time.Duration;
import java.util.Locale;

/**
 * One stage of the pipeline, timed from its first request until the last of its results can be seen downstream (a
 * row in a service's database, a record on a topic). A stage that does not finish in time is reported with what it
 * reached, never as a figure it did not earn.
 */
record Stage(long expected, long reached, double seconds) {
    private static final Duration POLL = Duration.ofMillis(100);

    /** How many results can be seen now (a count in a database, records read from a topic). */
    @FunctionalInterface
    interface Count {
        long now() throws Exception;
    }

    /** Counts until {@code expected} results are seen or {@code timeout} has passed since {@code startNanos}. */
    static Stage await(long startNanos, long expected, Duration timeout, Count count) throws Exception {
        long deadline = startNanos + timeout.toNanos();
        while (true) {
            long reached = count.now();
            long now = System.nanoTime();
            if (reached >= expected || now > deadline) {
                return new Stage(expected, reached, (now - startNanos) / 1e9);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    boolean finished() {
        return reached >= expected;
    }

    double perSecond() {
        return reached / seconds;
    }

    /** Its rate as a share of the broker's raw produce rate of the same run. */
    String summary(String unit, double rawProduceRate) {
        String share =
                String.format(Locale.ROOT, "%.2f%% of the raw Kafka produce rate", 100 * perSecond() / rawProduceRate);
        if (finished()) {
            return String.format(
                    Locale.ROOT, "**%,.0f %s/s** · %s · %,d in %.1f s", perSecond(), unit, share, reached, seconds);
        }
        return String.format(
                Locale.ROOT,
                "**did not finish**: %,d of %,d after %.0f s (%,.1f %s/s so far) · %s",
                reached,
                expected,
                seconds,
                perSecond(),
                unit,
                share);
    }
}
