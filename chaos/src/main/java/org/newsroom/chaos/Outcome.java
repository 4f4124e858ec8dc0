package org.newsroom.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One row of the result: a phase's fault, how long the pipeline took to recover, and its tally. */
record Outcome(Phase phase, String injectedAt, Reconciliation.Tally tally) {
    private static final List<String> MUST_NOT_LOSE =
            List.of("items", "stories", "publications", "publication events", "edition", "edition event");
    private static final List<String> MUST_NOT_DUPLICATE =
            List.of("stories", "publications", "publication events", "edition event");

    /**
     * Why this phase fails the run: lost or duplicated items, stories, publications or the edition, a valid dead
     * letter, a service that did not recover, liveness DOWN on a healthy instance, the public site failing while the
     * broker is down, a partner getting a story's events out of order.
     */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        MUST_NOT_LOSE.stream()
                .filter(stage -> tally.lost(stage) > 0)
                .forEach(stage -> failures.add(tally.lost(stage) + " " + stage + " lost"));
        MUST_NOT_DUPLICATE.stream()
                .filter(stage -> tally.duplicated(stage) > 0)
                .forEach(stage -> failures.add(tally.duplicated(stage) + " duplicate " + stage));
        if (tally.validDeadLettered() > 0) {
            failures.add(tally.validDeadLettered() + " valid event(s) dead-lettered: " + tally.validReasons());
        }
        phase.unrecovered.forEach(service -> failures.add(service + " did not recover by itself"));
        if (!phase.livenessDown.isEmpty()) {
            failures.add("liveness DOWN " + phase.livenessDown.size() + " time(s) on a running instance the harness"
                    + " had not killed, first: " + phase.livenessDown.get(0));
        }
        if (!phase.publicPageFailures.isEmpty()) {
            failures.add("publish's home page failed " + phase.publicPageFailures.size() + " of "
                    + phase.publicPageProbes + " time(s) while the broker was down, first: "
                    + phase.publicPageFailures.get(0));
        }
        if (tally.misorderedStories() > 0) {
            failures.add(tally.misorderedStories() + " of " + tally.publishedStories() + " stories' webhook calls out"
                    + " of order (an update or retraction before the publication)");
        }
        if (phase.convergedAt == null && phase.unrecovered.isEmpty()) {
            // Every instance answers ready, yet some stage never caught up: its service stopped doing that work.
            failures.add("ready but never caught up (" + lost() + "): " + owners() + " did not recover by itself");
        }
        return failures;
    }

    /** The services whose work is still missing at the deadline. */
    private String owners() {
        Map<String, String> owner = Map.ofEntries(
                Map.entry("items", "ingest-service"),
                Map.entry("stories", "editorial-service"),
                Map.entry("publications", "publish-service"),
                Map.entry("publication events", "publish-service"),
                Map.entry("edition", "publish-service"),
                Map.entry("edition event", "publish-service"),
                Map.entry("correction event", "publish-service"),
                Map.entry("retraction event", "publish-service"),
                Map.entry("alert emails", "notify-service"),
                Map.entry("edition emails", "notify-service"),
                Map.entry("webhook calls", "notify-service"));
        return tally.lost().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> owner.getOrDefault(e.getKey(), e.getKey()))
                .distinct()
                .collect(Collectors.joining(", "));
    }

    String recovery() {
        String liveness = phase.livenessDown.isEmpty() ? "" : "; liveness DOWN " + phase.livenessDown.size() + "×";
        if (phase.convergedAt == null) {
            return "NOT within the deadline" + liveness;
        }
        return "ready " + Phase.seconds(phase.faultEndedAt, phase.readyAt) + ", drained "
                + Phase.seconds(phase.faultEndedAt, phase.convergedAt) + liveness;
    }

    String input() {
        return phase.accepted.size() + " pushed, " + phase.fed.size() + " polled from the feed, " + phase.refused.size()
                + " refused";
    }

    /** How the watched health answers and the partner's webhook order went; shown under the table. */
    List<String> checks() {
        List<String> checks = new ArrayList<>();
        checks.add("liveness probed " + phase.livenessProbes + " time(s) from the fault until reconciled, DOWN "
                + phase.livenessDown.size());
        if (phase.scenario == Scenario.BROKER) {
            checks.add("publish's home page answered 200 to "
                    + (phase.publicPageProbes.get() - phase.publicPageFailures.size()) + " of " + phase.publicPageProbes
                    + " probe(s) with the"
                    + " broker down");
        }
        checks.add("webhook order: the publication call of " + tally.storiesOnWebhooks() + " of "
                + tally.publishedStories() + " published stories reached the partner, updates or retractions before it"
                + " for " + tally.misorderedStories());
        if (phase.editionId != null
                && tally.lost("edition") + tally.lost("edition event") + tally.duplicated("edition event") == 0) {
            checks.add("the edition was published once: PUBLISHED in publish's database, one"
                    + " news.edition.published.v1");
        }
        return checks;
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
        return tally.deadLettered().isEmpty()
                ? "0"
                : tally.deadLettered().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining("; "));
    }

    private static String nonZero(Map<String, Long> counts) {
        String text = counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "0" : text;
    }
}
