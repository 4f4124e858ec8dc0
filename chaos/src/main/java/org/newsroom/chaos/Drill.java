package org.newsroom.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.newsroom.testing.Backends;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/**
 * One run of the harness: its own broker and PostgreSQL cluster, the four services, a partner, readers and a webhook
 * receiver; then, per scenario, a phase of load with its fault injected at a random moment, until every stage has
 * caught up with the input (or the deadline says it never will).
 */
final class Drill implements AutoCloseable {
    static final int BROKER_PORT = 19092;
    static final int CONTROLLER_PORT = 19093;
    static final int POSTGRES_PORT = 5433;
    private static final String NAME = "chaos";
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(30);
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(120);
    /** How far ahead the kill-publish phase schedules its edition: time for publish to hold it, not to publish it. */
    private static final Duration SCHEDULE_LEAD = Duration.ofSeconds(15);
    /** One item in this many reaches ingest through the RSS feed rather than a partner's push. */
    private static final int FEED_SHARE = 10;

    private static final List<String> SERVICES =
            List.of(Pipeline.INGEST, Pipeline.EDITORIAL, Pipeline.PUBLISH, Pipeline.NOTIFY);

    /**
     * @param itemsPerPhase items the partner pushes in each phase, spread over {@code phaseLength}
     * @param approvalsPerPhase stories the chief editor approves in each phase
     * @param readers confirmed newsletter subscribers
     * @param deadline how long after a fault ends the pipeline has to catch up
     * @param sendRate notify's emails per second, so that a fan-out lasts long enough to be interrupted
     * @param lease notify's claim on the rows it sends, after which a replacement resumes a dead instance's work
     */
    record Settings(
            int itemsPerPhase,
            int approvalsPerPhase,
            int readers,
            Duration phaseLength,
            Duration deadline,
            int sendRate,
            Duration lease) {}

    private final Settings settings;
    private final Random random = new Random();
    private final Desk desk = new Desk();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final List<String> readers = new ArrayList<>();
    private KafkaBroker broker;
    private PostgresCluster cluster;
    private Pipeline pipeline;
    private Store store;
    private Ledger ledger;
    private WebhookReceiver webhooks;
    private RssFeed rss;
    private volatile LivenessWatch liveness;
    private Reconciliation reconciliation;
    private String apiKey;
    private Instant began;
    private boolean closed;

    private Drill(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything the phases need; when that fails halfway, stops what was started. The shutdown hook covers
     * an interrupted run (Ctrl-C).
     */
    static Drill prepare(Settings settings, Path root) throws Exception {
        Drill drill = new Drill(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(drill::closeQuietly, "chaos-cleanup"));
        try {
            drill.setUp(root);
        } catch (Exception e) {
            drill.closeQuietly();
            throw e;
        }
        return drill;
    }

    private void setUp(Path root) throws Exception {
        Path work = root.resolve("chaos/target/chaos");
        broker = KafkaBroker.format(root, work.resolve("kafka"), BROKER_PORT, CONTROLLER_PORT);
        broker.start();
        broker.createTopics();
        cluster = dedicatedCluster();
        Backends environment = Backends.fromEnvironment();
        Backends backends = cluster == null
                ? new Backends(
                        broker.bootstrapServers(),
                        environment.dbHost(),
                        environment.dbPort(),
                        environment.dbUser(),
                        environment.dbPassword())
                : new Backends(broker.bootstrapServers(), "127.0.0.1", String.valueOf(cluster.port()), "postgres", "");
        pipeline = Pipeline.create(NAME, backends);
        store = new Store(backends, NAME);
        webhooks = WebhookReceiver.start();
        rss = RssFeed.start();
        // The harness owns its broker: every consumer group reads from the earliest offset, as in production, so a
        // replacement instance never skips what arrived while no offset had been committed yet.
        // ingest registers the harness's feed as a source at startup and polls it every few seconds; the SSRF guard
        // has to let it reach 127.0.0.1. A claimed fetch that dies with its process is taken up again after the lease.
        environments.put(
                Pipeline.INGEST,
                Map.of(
                        "NEWSROOM_FEED_URL", rss.url(),
                        "NEWSROOM_FEED_SOURCE", Desk.FEED,
                        "NEWSROOM_FEED_INTERVAL", "3s",
                        "NEWSROOM_FETCH_ALLOWED_HOSTS", "127.0.0.1",
                        "NEWSROOM_POLL_EVERY", "1s",
                        "NEWSROOM_POLL_LEASE", "30s"));
        environments.put(Pipeline.EDITORIAL, Map.of("MP_MESSAGING_INCOMING_ITEMS_AUTO_OFFSET_RESET", "earliest"));
        environments.put(Pipeline.PUBLISH, Map.of("MP_MESSAGING_INCOMING_EDITORIAL_AUTO_OFFSET_RESET", "earliest"));
        environments.put(
                Pipeline.NOTIFY,
                Map.of(
                        "MP_MESSAGING_INCOMING_PUBLICATIONS_AUTO_OFFSET_RESET",
                        "earliest",
                        "NEWSROOM_WEBHOOK_ALLOWED_HOSTS",
                        "127.0.0.1",
                        "NEWSROOM_JWT_PUBLIC_KEY",
                        pipeline.publicKeyLocation(),
                        "NEWSROOM_NOTIFY_SIGNUP_LIMIT",
                        "1000000",
                        "NEWSROOM_NOTIFY_SEND_RATE",
                        String.valueOf(settings.sendRate()),
                        "NEWSROOM_NOTIFY_LEASE",
                        settings.lease().toSeconds() + "s"));
        for (String service : SERVICES) {
            pipeline.start(service, environments.get(service));
        }
        pipeline.awaitReady();
        ledger = Ledger.open(broker.bootstrapServers());
        apiKey = desk.createPartner(url(Pipeline.INGEST));
        desk.registerWebhook(url(Pipeline.NOTIFY), webhooks.url());
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < settings.readers(); i++) {
            String reader = "reader-" + i + "-" + run + "@example.org";
            desk.subscribe(url(Pipeline.NOTIFY), pipeline.mail(), reader);
            readers.add(reader);
        }
        reconciliation = new Reconciliation(store, ledger, pipeline.mail(), webhooks, readers);
        began = Instant.now();
    }

    /**
     * The harness's own PostgreSQL cluster, or null where it cannot have one (no postgresql-common, not root): then
     * the environment's database serves, and the database outage is skipped rather than inflicted on it.
     */
    private static PostgresCluster dedicatedCluster() {
        if (!PostgresCluster.available()) {
            return null;
        }
        try {
            return PostgresCluster.ensure(POSTGRES_PORT);
        } catch (IllegalStateException | IOException e) {
            System.err.println("chaos: no dedicated PostgreSQL cluster ("
                    + e.getMessage().strip() + "); using the environment's, without the postgres scenario");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int readers() {
        return readers.size();
    }

    List<Outcome> run(List<Scenario> scenarios) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        Phase previous = null;
        boolean editionInKill = scenarios.contains(Scenario.KILL_NOTIFY);
        for (Scenario scenario : scenarios) {
            Phase phase = new Phase(scenario, Instant.now());
            if (previous != null) {
                previous.end = phase.start;
            }
            System.out.println("chaos: phase " + scenario.label + " — " + scenario.description);
            boolean first = previous == null;
            run(phase, first, first && !editionInKill);
            outcomes.add(new Outcome(phase, offset(phase.injectedAt), reconciliation.of(phase)));
            previous = phase;
        }
        // Records dead-lettered after the last phase still belong to it; a final look sees them.
        if (previous != null) {
            Outcome last = outcomes.remove(outcomes.size() - 1);
            outcomes.add(new Outcome(previous, last.injectedAt(), reconciliation.of(previous)));
        }
        return outcomes;
    }

    private void run(Phase phase, boolean first, boolean edition) throws Exception {
        Instant pushDeadline =
                phase.start.plus(settings.phaseLength()).plus(DATABASE_OUTAGE).plusSeconds(80);
        ExecutorService pushers = Executors.newFixedThreadPool(4);
        Thread feeder = new Thread(() -> feed(phase, pushers, pushDeadline), "chaos-feeder");
        Thread approver = new Thread(() -> approve(phase, pushDeadline), "chaos-approver");
        feeder.start();
        approver.start();
        if (phase.scenario == Scenario.KILL_NOTIFY) {
            approver.join();
            composeEdition(phase, null);
        } else if (phase.scenario == Scenario.KILL_PUBLISH) {
            approver.join();
            scheduleEdition(phase);
        } else {
            sleepUntil(phase.start.plus(fraction(settings.phaseLength(), 0.25 + 0.5 * random.nextDouble())));
        }
        liveness = LivenessWatch.start(phase, pipeline::services);
        try {
            inject(phase);
            Thread readiness = new Thread(() -> awaitReady(phase), "chaos-readiness");
            readiness.start();
            feeder.join();
            pushers.shutdown();
            pushers.awaitTermination(
                    Duration.between(Instant.now(), pushDeadline).toSeconds() + 30, TimeUnit.SECONDS);
            approver.join();
            // The edition first: it may hold only approved or published stories, not the one about to be killed.
            if (edition && phase.editionId == null) {
                composeEdition(phase, null);
            }
            if (first) {
                correctAndKill(phase);
            }
            converge(phase);
            readiness.join();
        } finally {
            liveness.close();
        }
    }

    /** When every instance answers ready again after the fault, load or no load. */
    private void awaitReady(Phase phase) {
        Instant deadline = phase.faultEndedAt.plus(settings.deadline());
        while (phase.readyAt == null && Instant.now().isBefore(deadline)) {
            if (pipeline.services().stream().allMatch(ServiceProcess::ready)) {
                phase.readyAt = Instant.now();
                return;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /**
     * Brings the phase's items in at a steady pace over its length: most pushed by the partner (retried through the
     * fault), every {@link #FEED_SHARE}th put on the RSS feed for ingest to poll.
     */
    private void feed(Phase phase, ExecutorService pushers, Instant deadline) {
        int items = settings.itemsPerPhase();
        for (int i = 0; i < items; i++) {
            sleepUntil(phase.start.plus(fraction(settings.phaseLength(), (double) i / items)));
            String uri = phase.uri(i);
            String headline = phase.tag() + " Story " + i + " of the " + phase.scenario.label + " desk";
            String body = "<p>Lawmakers met again on item " + i + ".</p>";
            if (i % FEED_SHARE == FEED_SHARE - 1) {
                rss.publish(phase, uri, headline, body);
                phase.fed.add(uri);
            } else {
                pushers.submit(() -> push(phase, uri, headline, body, deadline));
            }
        }
    }

    /** A partner's push, retried as a partner would while nothing or an error answers; 4xx is final. */
    private Desk.Answer push(Phase phase, String uri, String headline, String body, Instant deadline) {
        while (true) {
            Desk.Answer answer = desk.push(url(Pipeline.INGEST), apiKey, uri, headline, body);
            if (answer.ok()) {
                phase.accepted.put(uri, answer.status());
                return answer;
            }
            boolean finalRefusal =
                    answer.status() >= 400 && answer.status() < 500 && answer.status() != 408 && answer.status() != 429;
            if (finalRefusal || Instant.now().isAfter(deadline)) {
                phase.refused.put(uri, answer.status());
                return answer;
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** The chief editor approves the phase's first stories as they arrive in the queue. */
    private void approve(Phase phase, Instant deadline) {
        int wanted = Math.min(settings.approvalsPerPhase(), settings.itemsPerPhase());
        while (phase.approved.size() < wanted && Instant.now().isBefore(deadline)) {
            try {
                for (String[] row : store.rows(
                        Pipeline.EDITORIAL,
                        "SELECT id::text FROM story WHERE headline LIKE ?"
                                + " AND status = 'NEW' ORDER BY created_at LIMIT ?",
                        phase.headlinePattern(),
                        wanted - phase.approved.size())) {
                    if (desk.approve(url(Pipeline.EDITORIAL), row[0]).ok()) {
                        phase.approved.add(row[0]);
                    }
                }
            } catch (SQLException databaseDown) {
                // the outage scenario: try again
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private void inject(Phase phase) throws Exception {
        phase.injectedAt = Instant.now();
        switch (phase.scenario) {
            case KILL_INGEST -> replace(phase, Pipeline.INGEST);
            case KILL_EDITORIAL -> replace(phase, Pipeline.EDITORIAL);
            case KILL_PUBLISH -> replace(phase, Pipeline.PUBLISH);
            case KILL_NOTIFY -> {
                long sent = awaitFanOut(phase);
                phase.injectedAt = Instant.now();
                replace(phase, Pipeline.NOTIFY);
                phase.note(sent + " of " + readers.size() + " edition emails had been accepted by SMTP at the kill");
            }
            case BROKER -> {
                broker.stop();
                probeHomePage(phase, Instant.now().plus(BROKER_OUTAGE));
                broker.start();
            }
            case POSTGRES -> {
                if (cluster == null) {
                    phase.note("skipped: no dedicated PostgreSQL cluster on this machine (pg_createcluster)");
                } else {
                    cluster.stop();
                    sleep(DATABASE_OUTAGE);
                    cluster.start();
                }
            }
            case REBALANCE -> {
                List<ServiceProcess> joined = new ArrayList<>();
                for (String service : List.of(Pipeline.EDITORIAL, Pipeline.PUBLISH, Pipeline.NOTIFY)) {
                    joined.add(pipeline.start(service, environments.get(service)));
                }
                sleep(fraction(settings.phaseLength(), 0.2));
                for (ServiceProcess instance : joined) {
                    instance.awaitReady(Duration.ofSeconds(120));
                }
                phase.note("second instances ready after " + Phase.seconds(phase.injectedAt, Instant.now()));
                sleep(fraction(settings.phaseLength(), 0.2));
                for (ServiceProcess instance : joined) {
                    liveness.retire(instance);
                    pipeline.stop(instance);
                }
            }
            case OVERSIZED -> {
                phase.oversizedUri = phase.uri(-1);
                String body = "<p>" + "The committee heard testimony late into the night. ".repeat(26_000) + "</p>";
                Desk.Answer answer = push(
                        phase,
                        phase.oversizedUri,
                        phase.tag() + " The very long transcript",
                        body,
                        Instant.now().plus(settings.deadline()));
                phase.note(
                        answer.ok()
                                ? "oversized item (" + body.length() / 1024 + " KiB body) accepted: HTTP "
                                        + answer.status()
                                : "oversized item refused at the door: HTTP " + answer.status());
                if (!answer.ok()) {
                    phase.refused.remove(phase.oversizedUri);
                    phase.oversizedUri = null;
                }
            }
            case POISON -> PoisonRecords.send(broker.bootstrapServers());
        }
        phase.faultEndedAt = Instant.now();
    }

    /** {@code kill -9} of the service's first instance, and a replacement on the same database and group. */
    private void replace(Phase phase, String service) throws Exception {
        ServiceProcess victim = instances(service).get(0);
        liveness.retire(victim);
        pipeline.kill(victim);
        pipeline.start(service, environments.get(service));
        phase.note(service + " killed after " + phase.accepted.size() + " accepted pushes");
    }

    /** Public pages need no Kafka: publish's home page must answer 200 all through a broker outage. */
    private void probeHomePage(Phase phase, Instant until) {
        while (Instant.now().isBefore(until)) {
            Instant next = Instant.now().plusSeconds(1);
            Desk.Answer answer = desk.homePage(url(Pipeline.PUBLISH));
            phase.publicPageProbes.incrementAndGet();
            if (answer.status() != 200) {
                phase.publicPageFailed((answer.status() < 0 ? "no answer" : "HTTP " + answer.status()) + " at "
                        + offset(Instant.now()));
            }
            sleepUntil(next);
        }
    }

    /**
     * An edition due in {@link #SCHEDULE_LEAD}, composed and approved before the kill: waits until publish holds it
     * as scheduled, then until just before it is due, so that the replacement has to publish it — once.
     */
    private void scheduleEdition(Phase phase) {
        Instant publishAt = Instant.now().plus(SCHEDULE_LEAD);
        composeEdition(phase, publishAt);
        if (phase.editionId == null) {
            return;
        }
        Instant killAt = publishAt.minusSeconds(1);
        boolean held = false;
        while (!held && Instant.now().isBefore(killAt)) {
            try {
                held = !store.rows(
                                Pipeline.PUBLISH,
                                "SELECT 1 FROM edition WHERE id = ?::uuid" + " AND status = 'SCHEDULED'",
                                phase.editionId)
                        .isEmpty();
            } catch (SQLException notNow) {
                held = false;
            }
            sleep(Duration.ofMillis(200));
        }
        sleepUntil(killAt);
        phase.note(
                held
                        ? "edition scheduled for " + offset(publishAt) + ", held by publish-service; killed 1 s"
                                + " before it was due"
                        : "the edition had not reached publish-service when it was killed");
    }

    /** Waits for the edition's first email (the fan-out has begun) and says how many were out then. */
    private long awaitFanOut(Phase phase) {
        if (phase.editionTitle == null) {
            return 0;
        }
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            long sent = editionEmails(phase);
            if (sent > 0) {
                return sent;
            }
            sleep(Duration.ofMillis(50));
        }
        phase.note("the edition's fan-out had not begun within 120 s");
        return 0;
    }

    private long editionEmails(Phase phase) {
        return phase.editionTitle == null
                ? 0
                : pipeline.mail()
                        .messages(m -> phase.editionTitle.equals(m.subject()))
                        .size();
    }

    /** The day's edition: the first approved story leads, the others are briefs; at once or at {@code publishAt}. */
    private void composeEdition(Phase phase, Instant publishAt) {
        List<String> stories = new ArrayList<>(phase.approved);
        if (stories.size() < 2) {
            phase.note("no edition: fewer than two approved stories");
            return;
        }
        String title = phase.tag() + " The Daily Brief, "
                + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Desk.Answer composed = retry(() -> desk.composeEdition(
                url(Pipeline.EDITORIAL), title, stories.get(0), stories.subList(1, stories.size())));
        if (!composed.ok()) {
            phase.note("composing the edition failed: HTTP " + composed.status() + " " + composed.body());
            return;
        }
        String id = composed.body().get("id").asText();
        Desk.Answer approved = retry(() -> desk.approveEdition(url(Pipeline.EDITORIAL), id, publishAt));
        if (!approved.ok()) {
            phase.note("approving the edition failed: HTTP " + approved.status() + " " + approved.body());
            return;
        }
        phase.editionId = id;
        phase.editionTitle = title;
    }

    /** A correction of one published story and the retraction of another, once publish has confirmed them. */
    private void correctAndKill(Phase phase) {
        Instant deadline = Instant.now().plus(settings.deadline());
        List<String[]> published = List.of();
        while (published.size() < 2 && Instant.now().isBefore(deadline)) {
            try {
                published = store.rows(
                        Pipeline.EDITORIAL,
                        "SELECT id::text FROM story WHERE headline LIKE ?"
                                + " AND status = 'PUBLISHED' ORDER BY created_at LIMIT 2",
                        phase.headlinePattern());
            } catch (SQLException notNow) {
                published = List.of();
            }
            sleep(Duration.ofSeconds(1));
        }
        if (published.size() < 2) {
            phase.note("no correction or kill: fewer than two stories were published");
            return;
        }
        String corrected = published.get(0)[0];
        String killed = published.get(1)[0];
        if (retry(() -> desk.correct(url(Pipeline.EDITORIAL), corrected)).ok()) {
            phase.correctedStory = corrected;
        }
        if (retry(() -> desk.kill(url(Pipeline.EDITORIAL), killed)).ok()) {
            phase.killedStory = killed;
        }
    }

    /**
     * Polls until every stage caught up with the phase's input, every instance is ready and no outbox holds a
     * backlog; gives up at the deadline, naming the instances that never became ready again.
     */
    private void converge(Phase phase) throws InterruptedException {
        Instant deadline = phase.faultEndedAt.plus(settings.deadline());
        while (Instant.now().isBefore(deadline)) {
            boolean ready = pipeline.services().stream().allMatch(ServiceProcess::ready);
            try {
                if (ready && reconciliation.of(phase).converged() && backlog() == 0) {
                    phase.convergedAt = Instant.now();
                    return;
                }
            } catch (SQLException notNow) {
                // the database is not back yet
            }
            Thread.sleep(2000);
        }
        for (ServiceProcess instance : pipeline.services()) {
            if (!instance.ready()) {
                phase.unrecovered.add(instance.name() + (instance.isAlive() ? " (running, not ready)" : " (exited)")
                        + " — see " + instance.log());
            }
        }
        try {
            phase.note("outbox backlog at the deadline: " + backlog());
        } catch (SQLException e) {
            phase.note("outbox backlog unknown at the deadline: " + e.getMessage());
        }
    }

    private long backlog() throws SQLException {
        long backlog = 0;
        for (String service : SERVICES) {
            backlog += store.backlog(service);
        }
        return backlog;
    }

    /** Rows the relays parked over the whole run (they wait for an operator). */
    long parked() throws SQLException {
        long parked = 0;
        for (String service : SERVICES) {
            parked += store.parked(service);
        }
        return parked;
    }

    private String url(String service) {
        List<ServiceProcess> instances = instances(service);
        // No instance alive (between a kill and its replacement): a port nothing listens on, so the call is retried.
        return instances.isEmpty() ? "http://127.0.0.1:1" : instances.get(0).url();
    }

    private List<ServiceProcess> instances(String service) {
        return pipeline.services().stream()
                .filter(s -> s.name().equals(service) && s.isAlive())
                .toList();
    }

    private Desk.Answer retry(Supplier<Desk.Answer> call) {
        Instant deadline = Instant.now().plus(settings.deadline());
        Desk.Answer answer = call.get();
        while (!answer.ok()
                && (answer.status() < 0 || answer.status() >= 500)
                && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(1));
            answer = call.get();
        }
        return answer;
    }

    private String offset(Instant at) {
        if (at == null) {
            return "—";
        }
        long seconds = Duration.between(began, at).toSeconds();
        return String.format("+%d:%02d", seconds / 60, seconds % 60);
    }

    private static Duration fraction(Duration duration, double fraction) {
        return Duration.ofMillis((long) (duration.toMillis() * fraction));
    }

    private static void sleepUntil(Instant moment) {
        Duration left = Duration.between(Instant.now(), moment);
        if (!left.isNegative()) {
            sleep(left);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the services and the broker, and brings the database cluster back if a fault left it down. */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        Exception first = null;
        for (AutoCloseable resource : new AutoCloseable[] {ledger, pipeline, webhooks, rss, broker}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (cluster != null && !cluster.online()) {
            cluster.start();
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("chaos: cleanup failed: " + e);
        }
    }
}
