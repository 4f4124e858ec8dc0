package org.newsroom.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.bench.Figures;
import org.newsroom.bench.Latencies;
import org.newsroom.bench.ProcessCpu;
import org.newsroom.bench.Scenario;
import org.newsroom.bench.baseline.KafkaBaseline;
import org.newsroom.bench.baseline.PostgresBaseline;
import org.newsroom.bench.ingest.IngestClient;
import org.newsroom.bench.ingest.Wire;
import org.newsroom.bench.notify.EditionFanout;
import org.newsroom.bench.profile.Profile;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.testing.Backends;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.SmtpServer;
import org.newsroom.testing.TopicWatcher;

/**
 * The whole pipeline against the broker and database it runs on, in one run: first the baselines (Kafka's own perf
 * tools producing and consuming records of the pipeline's event size, raw PostgreSQL inserts), then the four packaged
 * services, one instance each: N items pushed by C partner clients until all N stories are in editorial's database;
 * the N stories approved by C chief-editor clients until all N {@code news.publication.published.v1} are on
 * {@code news.publications}; an edition of four of them until every subscriber's email was sent. Each stage is a rate
 * and a share of the raw produce rate measured minutes before: the broker is the ceiling of every stage.
 *
 * <p>Arguments: {@code [items] [clients] [subscribers] [batch]} (default 2,000 items, 8 clients, 1,000 subscribers,
 * batch 1: each push one ninjs item; more, each push a batch of that many, answered 207).
 */
public class Throughput implements Scenario {
    private static final String PIPELINE = "bench_pipeline";
    private static final String HEAP = "512m";
    private static final int BASELINE_RECORDS = 100_000;
    private static final int SINGLE_ROWS = 2_000;
    private static final int BATCH_ROWS = 20_000;
    private static final int BATCH = 100;
    private static final int BRIEFS = 3;
    private static final int WARM_UP_ITEMS = 500;
    private static final String PUBLISHED = EventType.PUBLICATION_PUBLISHED.type();
    /** How long each look at news.publications polls the broker. */
    private static final Duration POLL = Duration.ofMillis(200);

    private double rawProduce;

    @Override
    public Figures run(List<String> args) throws Exception {
        int items = args.size() > 0 ? Integer.parseInt(args.get(0)) : 2_000;
        int clients = args.size() > 1 ? Integer.parseInt(args.get(1)) : 8;
        int subscribers = args.size() > 2 ? Integer.parseInt(args.get(2)) : 1_000;
        int perPush = args.size() > 3 ? Integer.parseInt(args.get(3)) : 1;
        String event = EventCodec.encode(itemEvent());
        int size = event.getBytes(StandardCharsets.UTF_8).length;
        Figures figures = new Figures(
                "The pipeline against its broker: partner push → editorial → published → emails",
                setup(items, clients, subscribers, size, perPush));
        baselines(figures, event, size, clients);
        Profile profile = Profile.fromEnvironment("pipeline.Throughput");
        try (SmtpServer smtp = SmtpServer.start(SmtpServer.ACCEPT_ALL);
                Pipeline pipeline = Pipeline.create(PIPELINE)) {
            ServiceProcess ingest = pipeline.start(Pipeline.INGEST, Map.of(), profile.jvmFlags(Pipeline.INGEST, HEAP));
            ServiceProcess editorial =
                    pipeline.start(Pipeline.EDITORIAL, Map.of(), profile.jvmFlags(Pipeline.EDITORIAL, HEAP));
            pipeline.start(Pipeline.PUBLISH, Map.of(), profile.jvmFlags(Pipeline.PUBLISH, HEAP));
            pipeline.start(
                    Pipeline.NOTIFY,
                    Map.of(
                            "NEWSROOM_SMTP_HOST",
                            "127.0.0.1",
                            "NEWSROOM_SMTP_PORT",
                            String.valueOf(smtp.port()),
                            // A section no story is in: readers get the edition only, as notify's default has it.
                            "NEWSROOM_NOTIFY_BREAKING_SECTIONS",
                            "none"),
                    profile.jvmFlags(Pipeline.NOTIFY, HEAP));
            pipeline.awaitReady();
            ProcessCpu cpu = ProcessCpu.of(pipeline.services());
            try (Connection editorialDb = connect(pipeline, Pipeline.EDITORIAL);
                    Connection notifyDb = connect(pipeline, Pipeline.NOTIFY)) {
                EditionFanout.seed(notifyDb, subscribers);
                warmUp(cpu, ingest, editorial, editorialDb, clients, perPush);
                profile.measureFromNow();
                stages(
                        figures,
                        cpu,
                        ingest,
                        editorial,
                        editorialDb,
                        notifyDb,
                        smtp,
                        items,
                        clients,
                        subscribers,
                        perPush);
            }
        }
        // The services have stopped, so each dumped its recording.
        profile.report(figures);
        return figures;
    }

    /**
     * A round like the measured one, not reported: measured cold, a third of the services' CPU went to compiling
     * them (JIT), which a newsroom running all day pays once, not per story.
     */
    private void warmUp(
            ProcessCpu cpu,
            ServiceProcess ingest,
            ServiceProcess editorial,
            Connection editorialDb,
            int clients,
            int perPush)
            throws Exception {
        Figures discarded = new Figures("warm-up", "not reported");
        String partner = "bench-warm-up-" + UUID.randomUUID().toString().substring(0, 6);
        Stage pushed =
                push(discarded, cpu, new IngestClient(ingest), partner, editorialDb, WARM_UP_ITEMS, clients, perPush);
        List<String> stories = storyIds(editorialDb, partner);
        approve(discarded, cpu, new EditorialClient(editorial), stories, clients, pushed);
    }

    private void stages(
            Figures figures,
            ProcessCpu cpu,
            ServiceProcess ingest,
            ServiceProcess editorial,
            Connection editorialDb,
            Connection notifyDb,
            SmtpServer smtp,
            int items,
            int clients,
            int subscribers,
            int perPush)
            throws Exception {
        String partner = "bench-partner-" + UUID.randomUUID().toString().substring(0, 6);
        Stage pushed = push(figures, cpu, new IngestClient(ingest), partner, editorialDb, items, clients, perPush);
        List<String> stories = storyIds(editorialDb, partner);
        if (stories.isEmpty()) {
            figures.add("approve → published", "not run: no story reached editorial");
            return;
        }
        EditorialClient desk = new EditorialClient(editorial);
        List<String> approved = approve(figures, cpu, desk, stories, clients, pushed);
        if (approved.size() <= BRIEFS) {
            figures.add("edition → its emails", "not run: too few stories approved for an edition");
            return;
        }
        edition(figures, cpu, desk, approved, notifyDb, smtp, subscribers);
    }

    private static String setup(int items, int clients, int subscribers, int size, int perPush) {
        return String.format(
                Locale.ROOT,
                "Baselines first, on the same broker and PostgreSQL: Kafka's `ProducerPerformance` (%,d records of %,d "
                        + "bytes, the size of a news.item.ingested.v1 payload of the pushed stories, without its "
                        + "CloudEvents headers; 6 partitions, acks=all, no throttle) and `ConsumerPerformance` (the same "
                        + "records), each a JVM of its own (`java -Xmx512m`, the broker's jars); PostgreSQL inserts of "
                        + "outbox-shaped rows carrying that payload (pgjdbc defaults, synchronous commit). Then the four "
                        + "packaged services, one instance each, each `java -Xmx%s -jar quarkus-run.jar` (no other JVM "
                        + "flags; configured by environment, databases and consumer groups of their own), notify with "
                        + "its default send concurrency (4), no rate limit, no breaking alerts, mailing an SMTP sink that "
                        + "keeps nothing (in the bench JVM). First a warm-up, not reported: %,d items pushed and "
                        + "approved the same way (cold, a third of the services' CPU went to the JIT compiler). Then "
                        + "%,d items pushed (`POST /api/partners/{p}/items`, %s) "
                        + "by %d concurrent partner clients until all %,d stories are in editorial's database; "
                        + "the stories approved by %d concurrent chief-editor clients (GET the story, POST approve with "
                        + "its ETag) until every news.publication.published.v1 is on news.publications; an edition "
                        + "(lead and %d briefs) composed and approved until its email to each of %,d ACTIVE subscribers "
                        + "was sent. Each stage is timed from its first request to its last result seen downstream, and "
                        + "given as a share of the raw produce rate of the same run. Each stage's CPU row is the CPU time each "
                        + "process spent from the stage's first request to its last result seen (utime + stime of "
                        + "`/proc/<pid>/stat`, with reaped children's, so a PostgreSQL backend that exits meanwhile "
                        + "still counts, through the postmaster), per result: each service's JVM, the broker, every "
                        + "`postgres` process (a server shared with whatever else uses it) and the bench JVM (the load "
                        + "generator, also the SMTP sink and the watchers counting results); busy is their total over "
                        + "the stage's wall time × the cores the JVM sees. Everything on one machine.",
                BASELINE_RECORDS,
                size,
                HEAP,
                WARM_UP_ITEMS,
                items,
                perPush == 1 ? "one ninjs item each" : "a JSON array of " + perPush + " ninjs items each, answered 207",
                clients,
                items,
                clients,
                BRIEFS,
                subscribers);
    }

    private void baselines(Figures figures, String event, int size, int clients) throws Exception {
        Path lib = Path.of(System.getProperty("newsroom.root", "."), ".newsroom", "lib", "kafka");
        Backends backends = Backends.fromEnvironment();
        KafkaBaseline.Result kafka = new KafkaBaseline(lib, backends.bootstrapServers()).run(BASELINE_RECORDS, size);
        rawProduce = kafka.produced().recordsPerSecond();
        figures.add(
                        "raw Kafka produce (ProducerPerformance, acks=all)",
                        String.format(
                                Locale.ROOT,
                                "**%,.0f records/s** (%.1f MB/s)",
                                rawProduce,
                                kafka.produced().megabytesPerSecond()))
                .add(
                        "raw Kafka consume (ConsumerPerformance)",
                        String.format(
                                Locale.ROOT,
                                "%,.0f records/s fetching (%,.0f records/s counting the group join)",
                                kafka.consumed().fetchRecordsPerSecond(),
                                kafka.consumed().recordsPerSecond()));
        PostgresBaseline postgres = new PostgresBaseline(backends, "newsroom_baseline_" + PIPELINE, event);
        postgres.create();
        figures.add(
                        "raw PostgreSQL inserts, a commit each, 1 connection",
                        rows(postgres.singleRowCommits(1, SINGLE_ROWS)))
                .add(
                        "raw PostgreSQL inserts, a commit each, " + clients + " connections",
                        rows(postgres.singleRowCommits(clients, SINGLE_ROWS)))
                .add(
                        "raw PostgreSQL inserts, JDBC batches of " + BATCH + ", a commit each",
                        rows(postgres.batches(BATCH_ROWS, BATCH)));
    }

    private static String rows(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f rows/s", perSecond);
    }

    /**
     * Partner pushes, until every accepted item is a story in editorial's database (the partner's stories only: the
     * count must not be made up by anything else that reaches the broker).
     */
    private Stage push(
            Figures figures,
            ProcessCpu cpu,
            IngestClient ingest,
            String partner,
            Connection editorialDb,
            int items,
            int clients,
            int perPush)
            throws Exception {
        String key = ingest.partner(partner);
        Latencies latencies = new Latencies();
        ProcessCpu.Snapshot before = cpu.snapshot();
        long start = System.nanoTime();
        int requests = (items + perPush - 1) / perPush;
        Clients.Outcome pushes = Clients.run(clients, requests, latencies, r -> {
            int first = r * perPush;
            List<String> uris = IntStream.range(first, Math.min(items, first + perPush))
                    .mapToObj(n -> "urn:bench:" + partner + ":" + n)
                    .toList();
            if (perPush == 1) {
                ingest.push(partner, key, uris.get(0), Wire.story(first));
            } else {
                ingest.pushBatch(partner, key, uris, n -> Wire.story(first + n));
            }
        });
        long accepted = pushes.succeeded().stream()
                .mapToLong(r -> Math.min(items, (r + 1L) * perPush) - (long) r * perPush)
                .sum();
        Stage stage = Stage.await(
                start,
                accepted,
                timeout(items),
                () -> count(editorialDb, "SELECT count(*) FROM story WHERE source = ?", partner));
        ProcessCpu.Snapshot after = cpu.snapshot();
        figures.add(
                        String.format(
                                Locale.ROOT,
                                "partner push → story in editorial (%,d items, %d clients%s)",
                                items,
                                clients,
                                perPush == 1 ? "" : ", " + perPush + " a push"),
                        stage.summary("items", rawProduce))
                .add("CPU per item, by process", ProcessCpu.perResult(before, after, stage.reached()))
                .add("pushes as the partners see them", latencies)
                .add("pushes answered", pushes.summary(perPush == 1 ? "items" : "pushes of " + perPush));
        return stage;
    }

    /** Approvals, until every approved story's publication is on news.publications; @return the approved ids. */
    private List<String> approve(
            Figures figures, ProcessCpu cpu, EditorialClient desk, List<String> stories, int clients, Stage pushed)
            throws Exception {
        Latencies latencies = new Latencies();
        Predicate<ConsumerRecord<String, String>> published = publicationOfOneOf(stories);
        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            ProcessCpu.Snapshot before = cpu.snapshot();
            long start = System.nanoTime();
            Clients.Outcome approvals =
                    Clients.run(clients, stories.size(), latencies, n -> desk.approve(stories.get(n)));
            Stage stage = Stage.await(
                    start,
                    approvals.succeeded().size(),
                    timeout(stories.size()),
                    () -> publications.drain(published, POLL).size());
            ProcessCpu.Snapshot after = cpu.snapshot();
            figures.add(
                            String.format(
                                    Locale.ROOT,
                                    "approve → news.publication.published.v1 (%,d stories, %d clients)",
                                    stories.size(),
                                    clients),
                            stage.summary("stories", rawProduce))
                    .add("CPU per story, by process", ProcessCpu.perResult(before, after, stage.reached()))
                    .add("approvals as the chief editors see them (GET + POST approve)", latencies)
                    .add("approvals answered", approvals.summary("stories"))
                    .add(
                            "last publication after the last approval answered",
                            String.format(Locale.ROOT, "%.1f s", stage.seconds() - approvals.seconds()));
            if (!pushed.finished()) {
                figures.add("note", "the stories approved are those that had reached editorial when pushing ended");
            }
            return approvals.succeeded().stream().map(stories::get).toList();
        }
    }

    /** One edition of approved stories, until its email to every subscriber was sent (or failed for good). */
    private void edition(
            Figures figures,
            ProcessCpu cpu,
            EditorialClient desk,
            List<String> approved,
            Connection notifyDb,
            SmtpServer smtp,
            int subscribers)
            throws Exception {
        ProcessCpu.Snapshot before = cpu.snapshot();
        long start = System.nanoTime();
        desk.publishEdition(
                "The Daily Brief — bench " + Instant.now(), approved.get(0), approved.subList(1, 1 + BRIEFS));
        Stage stage = Stage.await(
                start,
                subscribers,
                timeout(subscribers),
                () -> count(notifyDb, "SELECT count(*) FROM delivery WHERE status IN ('SENT', 'FAILED')"));
        ProcessCpu.Snapshot after = cpu.snapshot();
        figures.add(
                        String.format(Locale.ROOT, "edition approved → its emails sent (%,d subscribers)", subscribers),
                        stage.summary("emails", rawProduce)
                                + String.format(
                                        Locale.ROOT,
                                        " · %,d accepted by SMTP · %,d failed",
                                        smtp.accepted(),
                                        count(notifyDb, "SELECT count(*) FROM delivery WHERE status = 'FAILED'")))
                .add("CPU per email, by process", ProcessCpu.perResult(before, after, stage.reached()));
    }

    /** Generous for a pipeline of today's speed (several items a second), bounded so that a hang ends the run. */
    private static Duration timeout(int results) {
        return Duration.ofSeconds(60 + results / 10);
    }

    /** The event ingest announces for a pushed story, as the codec writes it: its size is the baselines' record size. */
    private static ItemIngested itemEvent() {
        Wire.Story story = Wire.story(0);
        Instant now = Instant.now();
        UUID item = UUID.randomUUID();
        return new ItemIngested(
                item,
                "bench-partner",
                "urn:bench:bench-partner:0",
                "https://wire.example/news/0",
                story.headline(),
                story.lede(),
                null,
                new Attribution("Wire bench-partner", "https://wire.example/"),
                now,
                now,
                1,
                "https://wire.example/news/0",
                story.html(),
                story.lede() + "\n\n" + story.body(),
                "en",
                null,
                null,
                null,
                null,
                null,
                item,
                List.of("Economy"));
    }

    /**
     * A news.publication.published.v1 of one of these stories. The watcher tests every record it holds at each look,
     * so each record's answer is kept rather than its JSON read again.
     */
    private static Predicate<ConsumerRecord<String, String>> publicationOfOneOf(List<String> stories) {
        Set<String> ids = Set.copyOf(stories);
        Map<ConsumerRecord<String, String>, Boolean> answers = new IdentityHashMap<>();
        return record -> answers.computeIfAbsent(
                record,
                r -> PUBLISHED.equals(TopicWatcher.header(r, "ce_type"))
                        && ids.contains(String.valueOf(EventCodec.decode(r.value(), PublicationPublished.class)
                                .storyId())));
    }

    private static List<String> storyIds(Connection db, String source) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM story WHERE source = ? ORDER BY id")) {
            query.setString(1, source);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static long count(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Connection connect(Pipeline pipeline, String service) throws SQLException {
        Backends backends = pipeline.backends();
        return DriverManager.getConnection(
                backends.jdbcUrl(Pipeline.database(service, PIPELINE)), backends.dbUser(), backends.dbPassword());
    }
}
