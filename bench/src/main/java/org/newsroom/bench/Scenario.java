package org.newsroom.bench;

import java.util.List;

/**
 * One benchmark. A scenario is named after its class below {@code org.newsroom.bench}, e.g. {@code ingest.FeedThroughput},
 * and run with {@code ./newsroom bench ingest.FeedThroughput [args]}; its figures replace its section of
 * docs/benchmarks.md.
 */
public interface Scenario {

    /** Runs the benchmark end to end (starting what it measures) and returns what it measured. */
    Figures run(List<String> args) throws Exception;
}
