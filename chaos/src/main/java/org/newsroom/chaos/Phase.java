package org.newsroom.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One scenario's stretch of the run: the items pushed during it (tagged, so every stage can be reconciled against
 * them), what the desk did, and when the fault came and went.
 */
final class Phase {
    final Scenario scenario;
    final Instant start;
    /** Accepted pushes: uri → status (201 created, 200 unchanged after a retried push). */
    final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    /** Pushes refused for good (4xx), or never answered before the deadline (-1): uri → last status. */
    final Map<String, Integer> refused = new ConcurrentHashMap<>();
    /** Items put on the harness's RSS feed for ingest to poll (their guid is their uri). */
    final Set<String> fed = ConcurrentHashMap.newKeySet();
    /** Stories whose approval the API confirmed. */
    final Set<String> approved = ConcurrentHashMap.newKeySet();

    final List<String> notes = new ArrayList<>();
    volatile String oversizedUri;
    volatile String correctedStory;
    volatile String killedStory;
    volatile String editionId;
    volatile String editionTitle;
    volatile Instant injectedAt;
    volatile Instant faultEndedAt;
    volatile Instant readyAt;
    volatile Instant convergedAt;
    volatile Instant end;
    final List<String> unrecovered = new ArrayList<>();
    final AtomicLong livenessProbes = new AtomicLong();
    /** Liveness answers other than UP from instances that were running and not being killed or stopped. */
    final List<String> livenessDown = new ArrayList<>();

    final AtomicLong publicPageProbes = new AtomicLong();
    /** Answers of publish's public home page, other than 200, while the broker was down. */
    final List<String> publicPageFailures = new ArrayList<>();

    Phase(Scenario scenario, Instant start) {
        this.scenario = scenario;
        this.start = start;
    }

    /** The prefix of every headline pushed in this phase. */
    String tag() {
        return "[" + scenario.label + "]";
    }

    String uri(int index) {
        return "urn:chaos:" + scenario.label + ":" + index;
    }

    String uriPattern() {
        return "urn:chaos:" + scenario.label + ":%";
    }

    String headlinePattern() {
        return tag() + " %";
    }

    boolean covers(Instant at) {
        return !at.isBefore(start) && (end == null || at.isBefore(end));
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized void livenessDown(String answer) {
        livenessDown.add(answer);
    }

    synchronized void publicPageFailed(String answer) {
        publicPageFailures.add(answer);
    }

    static String seconds(Instant from, Instant to) {
        if (from == null || to == null) {
            return "—";
        }
        return String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }
}
