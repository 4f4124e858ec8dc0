package org.newsroom.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The faults the harness injects, one phase of load each, named as on the command line. */
enum Scenario {
    KILL_INGEST("kill-ingest", "kill -9 of ingest-service while partners push"),
    KILL_EDITORIAL("kill-editorial", "kill -9 of editorial-service while it consumes items"),
    KILL_PUBLISH("kill-publish", "kill -9 of publish-service while approvals flow"),
    KILL_NOTIFY("kill-notify", "kill -9 of notify-service as the edition's newsletter fans out"),
    BROKER("broker", "Kafka broker stopped for 30 s, started on the same data"),
    POSTGRES("postgres", "PostgreSQL stopped for 120 s, started again"),
    REBALANCE("rebalance", "second editorial, publish and notify instances join, then leave"),
    OVERSIZED("oversized", "one item whose event exceeds the broker's 1 MiB limit, among normal ones"),
    POISON("poison", "poison records on every topic (no CloudEvents headers, bad JSON, missing field, unknown type)");

    final String label;
    final String description;

    Scenario(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** Scenario names, or {@code kill} for the four kills; none means all of them. */
    static List<Scenario> parse(List<String> names) {
        if (names.isEmpty()) {
            return List.of(values());
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : names) {
            if (name.equals("kill")) {
                chosen.addAll(List.of(KILL_INGEST, KILL_EDITORIAL, KILL_PUBLISH, KILL_NOTIFY));
                continue;
            }
            chosen.add(Arrays.stream(values())
                    .filter(s -> s.label.equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + name + "; known: kill, "
                            + Arrays.stream(values()).map(s -> s.label).toList())));
        }
        return chosen.stream().distinct().toList();
    }
}
