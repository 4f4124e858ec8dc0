package org.newsroom.bench;

import java.util.Locale;
import org.HdrHistogram.Recorder;

/** Response times of one kind of request, recorded from any number of threads, summarised as p50/p99/max. */
public final class Latencies {
    private final Recorder recorder = new Recorder(3);
    private org.HdrHistogram.Histogram snapshot;

    public void record(long nanos) {
        recorder.recordValue(nanos);
    }

    /** Runs the call and records how long it took. */
    public <T> T time(Call<T> call) throws Exception {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            record(System.nanoTime() - start);
        }
    }

    public long count() {
        return histogram().getTotalCount();
    }

    public double millisAt(double percentile) {
        return histogram().getValueAtPercentile(percentile) / 1_000_000.0;
    }

    public String summary() {
        return String.format(
                Locale.ROOT,
                "p50 %.2f ms · p99 %.2f ms · max %.2f ms (n=%d)",
                millisAt(50),
                millisAt(99),
                histogram().getMaxValue() / 1_000_000.0,
                count());
    }

    private synchronized org.HdrHistogram.Histogram histogram() {
        org.HdrHistogram.Histogram interval = recorder.getIntervalHistogram();
        if (snapshot == null) {
            snapshot = interval;
        } else {
            snapshot.add(interval);
        }
        return snapshot;
    }

    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }
}
