package org.newsroom.bench.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.newsroom.bench.Figures;
import org.newsroom.bench.Scenario;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.testing.Broker;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.Databases;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.SmtpServer;

/**
 * One edition to N readers: the packaged notify-service (fixed heap) is started against an SMTP server that keeps
 * nothing, N ACTIVE subscribers are seeded with SQL, one {@code news.edition.published.v1} is produced, and the
 * clock runs until every delivery row is SENT. The service's heap is sampled from /q/metrics throughout: it must not grow
 * with N (subscribers are fanned out and sent page by page, never loaded whole).
 *
 * <p>Arguments: subscriber counts, one run each (default {@code 10000 100000}).
 */
public class EditionFanout implements Scenario {
    private static final String PIPELINE = "bench_notify";
    private static final String HEAP = "256m";
    private static final int CONCURRENCY = 8;
    private static final Duration MAX_WAIT = Duration.ofMinutes(30);

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Figures run(List<String> args) throws Exception {
        List<Integer> counts = args.isEmpty()
                ? List.of(10_000, 100_000)
                : args.stream().map(Integer::parseInt).toList();
        Figures figures = new Figures(
                "One edition to N subscribers",
                String.format(
                        Locale.ROOT,
                        "one notify-service JVM consuming a topic of its own (-Xmx%s, send-concurrency %d, no rate limit, fan-out pages of 1,000, "
                                + "claims of 50) on a 2-core machine shared with PostgreSQL, Kafka and the SMTP sink (a "
                                + "counting socket server in the bench JVM); N ACTIVE subscribers seeded with SQL; one "
                                + "news.edition.published.v1 (lead and three briefs, text + HTML per reader); time from the "
                                + "event produced to every delivery SENT; heap = max of jvm_memory_used_bytes{area=\"heap\"} "
                                + "sampled every 250 ms",
                        HEAP,
                        CONCURRENCY));
        for (int subscribers : counts) {
            figures.add(String.format(Locale.ROOT, "%,d subscribers", subscribers), once(subscribers));
        }
        return figures;
    }

    private String once(int subscribers) throws Exception {
        // A topic of its own: editions other runs publish on news.publications would go to every seeded reader too.
        String topic =
                "bench.notify.publications." + UUID.randomUUID().toString().substring(0, 8);
        try (SmtpServer smtp = SmtpServer.start(SmtpServer.ACCEPT_ALL);
                Pipeline pipeline = Pipeline.create(PIPELINE);
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            ServiceProcess notify = pipeline.start(
                    Pipeline.NOTIFY,
                    Map.of(
                            "JAVA_MAX_HEAP",
                            HEAP,
                            "NEWSROOM_SMTP_HOST",
                            "127.0.0.1",
                            "NEWSROOM_SMTP_PORT",
                            String.valueOf(smtp.port()),
                            "NEWSROOM_NOTIFY_SEND_CONCURRENCY",
                            String.valueOf(CONCURRENCY),
                            "MP_MESSAGING_INCOMING_PUBLICATIONS_TOPIC",
                            topic));
            pipeline.awaitReady();
            String jdbc = "jdbc:postgresql://" + Databases.host() + ":" + Databases.port() + "/"
                    + Pipeline.database(Pipeline.NOTIFY, PIPELINE);
            try (Connection db = DriverManager.getConnection(jdbc, Databases.user(), Databases.password())) {
                seed(db, subscribers);
                HeapSampler heap = new HeapSampler(notify.managementUrl() + "/q/metrics");
                Thread sampler = new Thread(heap, "heap-sampler");
                sampler.setDaemon(true);
                sampler.start();
                long start = System.nanoTime();
                publish(topic);
                awaitAllSent(db, subscribers);
                double seconds = (System.nanoTime() - start) / 1e9;
                sampler.interrupt();
                sampler.join();
                return String.format(
                        Locale.ROOT,
                        "%.1f s · %,.0f emails/s · peak heap %,d MiB · %,d accepted by " + "SMTP · %,d failed",
                        seconds,
                        subscribers / seconds,
                        heap.peak() / (1024 * 1024),
                        smtp.accepted(),
                        count(db, "FAILED"));
            } finally {
                admin.deleteTopics(List.of(topic));
            }
        }
    }

    /** {@code subscribers} confirmed (ACTIVE) readers, written with SQL. */
    public static void seed(Connection db, int subscribers) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO subscriber (id, email, status, topics, created_at, confirmed_at)
                    SELECT gen_random_uuid(), 'reader' || g || '@bench.example', 'ACTIVE', '', now(), now()
                    FROM generate_series(1, %d) g""".formatted(subscribers));
            statement.execute("ANALYZE subscriber");
        }
    }

    private static void publish(String topic) {
        UUID id = UUID.randomUUID();
        EditionLead lead = new EditionLead(
                UUID.randomUUID(),
                "Harbor strike ends after nine days",
                "Dockworkers accepted the offer late on Sunday.\n\nShips queue to unload; the backlog will take a week.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://harbor.example/strike"),
                "We lead with this because the port feeds half the region.");
        List<EditionBrief> briefs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            briefs.add(new EditionBrief(
                    i,
                    UUID.randomUUID(),
                    "Brief number " + i,
                    List.of("A first paragraph of the brief.", "A second one."),
                    new Attribution("Wire " + i, "https://wire.example/" + i)));
        }
        EditionPublished edition = new EditionPublished(
                id,
                "https://news.example/editions/" + id,
                "The Daily Brief — bench " + id,
                LocalDate.now(),
                lead,
                briefs,
                List.of(),
                Instant.now());
        try (CloudEventRecords records = new CloudEventRecords()) {
            records.send(
                    topic,
                    id.toString(),
                    UUID.randomUUID().toString(),
                    EventType.EDITION_PUBLISHED.type(),
                    EventCodec.encode(edition));
        }
    }

    private static void awaitAllSent(Connection db, int subscribers) throws Exception {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (count(db, "SENT") + count(db, "FAILED") < subscribers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not all sent within " + MAX_WAIT + ": " + count(db, "SENT"));
            }
            Thread.sleep(250);
        }
    }

    private static long count(Connection db, String status) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT count(*) FROM delivery WHERE status = '" + status + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Polls the service's Prometheus metrics and keeps the largest total heap in use seen. */
    private final class HeapSampler implements Runnable {
        private final URI metrics;
        private final AtomicLong peak = new AtomicLong();

        HeapSampler(String metrics) {
            this.metrics = URI.create(metrics);
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String body = http.send(
                                    HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                            .body();
                    long used = (long) body.lines()
                            .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                            .sum();
                    peak.accumulateAndGet(used, Math::max);
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample
                }
            }
        }
    }
}
