package org.newsroom.bench;

import java.util.ArrayList;
import java.util.List;

/** What a scenario measured: a title, how it was set up, and named figures in the order they should be read. */
public final class Figures {
    private final String title;
    private final String setup;
    private final List<String[]> rows = new ArrayList<>();

    public Figures(String title, String setup) {
        this.title = title;
        this.setup = setup;
    }

    public Figures add(String figure, String value) {
        rows.add(new String[] {figure, value});
        return this;
    }

    public Figures add(String figure, Latencies latencies) {
        return add(figure, latencies.summary());
    }

    String title() {
        return title;
    }

    String setup() {
        return setup;
    }

    List<String[]> rows() {
        return rows;
    }
}
