package org.newsroom.chaos;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

/** The run's result: one row per fault, and whether it fails (exit code) — printed, and written to the docs. */
record Verdict(
        Drill.Settings settings,
        int readers,
        List<Outcome> outcomes,
        long parked,
        Provenance before,
        Provenance after) {

    boolean failed() {
        return outcomes.stream().anyMatch(o -> !o.failures().isEmpty());
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| fault | injected at | time to recover | input | lost | duplicated effects | dead-lettered |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            out.append("| ")
                    .append(String.join(
                            " | ",
                            o.phase().scenario.label,
                            o.injectedAt(),
                            o.recovery(),
                            o.input(),
                            o.lost(),
                            o.duplicated(),
                            o.deadLettered()))
                    .append(" |\n");
        }
        out.append('\n');
        for (Outcome o : outcomes) {
            o.phase()
                    .notes
                    .forEach(note -> out.append("- ")
                            .append(o.phase().scenario.label)
                            .append(": ")
                            .append(note)
                            .append('\n'));
            o.checks()
                    .forEach(check -> out.append("- ")
                            .append(o.phase().scenario.label)
                            .append(": ")
                            .append(check)
                            .append('\n'));
            o.failures()
                    .forEach(failure -> out.append("- **FAIL** ")
                            .append(o.phase().scenario.label)
                            .append(": ")
                            .append(failure)
                            .append('\n'));
        }
        out.append("- outbox rows parked over the run: ").append(parked).append('\n');
        out.append(failed() ? "\nVerdict: FAILED\n" : "\nVerdict: passed\n");
        return out.toString();
    }

    void write(Path file) throws IOException {
        long accepted =
                outcomes.stream().mapToLong(o -> o.phase().accepted.size()).sum();
        long duplicateEmails =
                sum(o -> o.tally().duplicated("alert emails") + o.tally().duplicated("edition emails"));
        long notifyKillDuplicates = duplicateEmails(Scenario.KILL_NOTIFY);
        long databaseOutageDuplicates = duplicateEmails(Scenario.POSTGRES);
        String document = """
                # Reliability, as measured

                Rewritten by every full run of the fault harness (`./newsroom chaos`, module `chaos/`): the packaged
                services as separate JVMs on a Kafka broker and a PostgreSQL cluster of the harness's own, a partner
                pushing items and an outlet's RSS feed that ingest polls (one item in ten), a chief editor approving,
                correcting, killing and composing an edition, %d confirmed readers and a webhook receiver — and one
                fault per phase. Every stage is then reconciled against the
                input. Do not edit by hand.

                Re-run: `./newsroom chaos` (every scenario, 10,000 items). A subset, e.g. `./newsroom chaos kill poison
                --items 200`, prints its table without rewriting this page; `./newsroom test` runs a short one
                (`ShortRunTest`: kill -9 of editorial and notify, oversized, poison; about 4 minutes).

                Last run: %s, commit `%s`%s (the services as packaged in `*/target/quarkus-app` when it began), %d
                cores, Java %s; load average %s before, %s after.
                Load: %d items per phase over %d s, %d approvals per phase, notify sending %d emails/s with a %d s lease
                (`NEWSROOM_NOTIFY_LEASE`: how long a dead instance's claimed emails wait for another one).

                ## Faults

                %s
                ## Result

                Time to recover counts from the end of the fault (the replacement's launch, the broker's or the
                database's restart): *ready* when every instance answers `/q/health/ready`, *drained* when every stage
                matches the input and no outbox holds a backlog. A record re-sent with the same `ce_id` is counted
                apart from a duplicate (a second event, or a second effect).

                %s
                ## Guarantees, as measured

                - Items: %d pushes accepted, %d polled from the feed; lost: %d. Stories: lost %d, duplicated %d.
                  Publications: lost %d, duplicated %d. Publication events: lost %d, duplicate events for one
                  publication %d.
                - Valid events dead-lettered: %d (the dead-letter topics are for records that can never be processed).
                - Services that did not recover without a manual step: %d. Liveness DOWN on a running instance the
                  harness had not killed (`/q/health/live`, about once a second from each fault until reconciled): %d.
                - Emails sent twice over the run: %d, of which %d in the notify kill phase and %d in the database outage
                  phase. Webhook calls repeated: %d; stories whose update or retraction reached the partner before their
                  publication: %d.

                ## The one window where an email can go out twice

                notify marks a delivery sent in the transaction that follows the SMTP server's `250`: a crash (kill -9,
                OOM, node loss) or a database outage between that reply and the commit leaves the row claimed but
                unsent (the commit never happens), and once its lease runs out another instance sends it again.
                Nothing else should ever send an email twice. Measured above: %d duplicate email(s) in the notify kill
                phase (killed as the edition's fan-out began), %d in the database outage phase.
                """.formatted(
                readers,
                after.at(),
                after.commit(),
                after.dirty() ? " (with uncommitted changes)" : "",
                after.cores(),
                ManagementFactory.getRuntimeMXBean().getSpecVersion(),
                before.loadAverage(),
                after.loadAverage(),
                settings.itemsPerPhase(),
                settings.phaseLength().toSeconds(),
                settings.approvalsPerPhase(),
                settings.sendRate(),
                settings.lease().toSeconds(),
                faults(),
                table(),
                accepted,
                outcomes.stream().mapToLong(o -> o.phase().fed.size()).sum(),
                sum(o -> o.tally().lost("items")),
                sum(o -> o.tally().lost("stories")),
                sum(o -> o.tally().duplicated("stories")),
                sum(o -> o.tally().lost("publications")),
                sum(o -> o.tally().duplicated("publications")),
                sum(o -> o.tally().lost("publication events")),
                sum(o -> o.tally().duplicated("publication events")),
                sum(o -> o.tally().validDeadLettered()),
                outcomes.stream().mapToLong(o -> o.phase().unrecovered.size()).sum(),
                outcomes.stream().mapToLong(o -> o.phase().livenessDown.size()).sum(),
                duplicateEmails,
                notifyKillDuplicates,
                databaseOutageDuplicates,
                sum(o -> o.tally().duplicated("webhook calls")),
                sum(o -> o.tally().misorderedStories()),
                notifyKillDuplicates,
                databaseOutageDuplicates);
        Files.writeString(file, document, StandardCharsets.UTF_8);
    }

    private long duplicateEmails(Scenario scenario) {
        return outcomes.stream()
                .filter(o -> o.phase().scenario == scenario)
                .mapToLong(o -> o.tally().duplicated("alert emails") + o.tally().duplicated("edition emails"))
                .sum();
    }

    private String faults() {
        StringBuilder out = new StringBuilder();
        outcomes.forEach(o -> out.append("- `")
                .append(o.phase().scenario.label)
                .append("`: ")
                .append(o.phase().scenario.description)
                .append('\n'));
        return out.toString();
    }

    private long sum(ToLongFunction<Outcome> count) {
        return outcomes.stream().mapToLong(count).sum();
    }
}
