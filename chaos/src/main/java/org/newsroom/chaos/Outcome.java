package org.newsroom.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One row of the result: a phase's fault, how long the pipeline took to recover, and its tally. */
record Outcome(Phase phase, String injectedAt, Reconciliation.Tally tally) {
    private static final List<String> MUST_NOT_LOSE = List.of("items", "stories", "publications",
            "publication events");
    private static final List<String> MUST_NOT_DUPLICATE = List.of("stories", "publications", "publication events");

    /** Why this phase fails the run: lost or duplicated items, stories, publications, a valid dead letter. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        MUST_NOT_LOSE.stream().filter(stage -> tally.lost(stage) > 0)
                .forEach(stage -> failures.add(tally.lost(stage) + " " + stage + " lost"));
        MUST_NOT_DUPLICATE.stream().filter(stage -> tally.duplicated(stage) > 0)
                .forEach(stage -> failures.add(tally.duplicated(stage) + " duplicate " + stage));
        if (tally.validDeadLettered() > 0) {
            failures.add(tally.validDeadLettered() + " valid event(s) dead-lettered: " + tally.validReasons());
        }
        phase.unrecovered.forEach(service -> failures.add(service + " did not recover by itself"));
        if (phase.convergedAt == null && phase.unrecovered.isEmpty()) {
            // Every instance answers ready, yet some stage never caught up: its service stopped doing that work.
            failures.add("ready but never caught up (" + lost() + "): " + owners() + " did not recover by itself");
        }
        return failures;
    }

    /** The services whose work is still missing at the deadline. */
    private String owners() {
        Map<String, String> owner = Map.of("items", "ingest-service", "stories", "editorial-service",
                "publications", "publish-service", "publication events", "publish-service",
                "correction event", "publish-service", "retraction event", "publish-service",
                "alert emails", "notify-service", "edition emails", "notify-service", "webhook calls",
                "notify-service");
        return tally.lost().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> owner.getOrDefault(e.getKey(), e.getKey())).distinct().collect(Collectors.joining(", "));
    }

    String recovery() {
        if (phase.convergedAt == null) {
            return "NOT within the deadline";
        }
        return "ready " + Phase.seconds(phase.faultEndedAt, phase.readyAt) + ", drained "
                + Phase.seconds(phase.faultEndedAt, phase.convergedAt);
    }

    String input() {
        return phase.accepted.size() + " accepted, " + phase.refused.size() + " refused";
    }

    String lost() {
        return nonZero(tally.lost());
    }

    String duplicated() {
        String duplicated = nonZero(tally.duplicated());
        String resent = nonZero(tally.resent());
        return resent.equals("0") ? duplicated : duplicated + "; re-sent records: " + resent;
    }

    String deadLettered() {
        return tally.deadLettered().isEmpty() ? "0" : tally.deadLettered().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("; "));
    }

    private static String nonZero(Map<String, Long> counts) {
        String text = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return text.isEmpty() ? "0" : text;
    }
}
