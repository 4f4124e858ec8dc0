package org.newsroom.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.newsroom.bench.Figures;
import org.newsroom.bench.Latencies;
import org.newsroom.bench.ProcessCpu;
import org.newsroom.bench.Scenario;
import org.newsroom.bench.ingest.IngestClient;
import org.newsroom.bench.ingest.Wire;
import org.newsroom.bench.profile.Profile;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/**
 * Latency through the pipeline at fixed arrival rates, open loop: at each rate, {@code items} wire stories are pushed
 * through ingest's partner API at their intended times whatever the answers do, until every story is in editorial's
 * queue; then the chief editor approves them all at the same rate, until every publication event is out and every
 * page is served. Every latency runs from the request's intended time, so a service that falls behind shows as the
 * backlog it builds (no coordinated omission).
 *
 * <p>Arguments: {@code [items] [rate…]} (default 1,000 items at each of 10, 50 and 200 items/s: the run lasts
 * items/rate seconds per rate and phase).
 */
public class Latency implements Scenario {
    private static final String PIPELINE = "bench_latency";
    private static final String HEAP = "512m";
    /** How long after its last request a phase waits for the stragglers before it reports them missing. */
    private static final Duration DRAIN = Duration.ofSeconds(120);
    /** A first round, not reported, so that the measured ones find the services' code compiled and caches filled. */
    private static final int WARM_UP_ITEMS = 200;

    private static final double WARM_UP_RATE = 50;

    private static final String CHIEF = TestTokens.token("bench-chief", "chief-editor");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Override
    public Figures run(List<String> args) throws Exception {
        int items = args.isEmpty() ? 1000 : Integer.parseInt(args.get(0));
        List<Double> rates = args.size() > 1
                ? args.subList(1, args.size()).stream().map(Double::parseDouble).toList()
                : List.of(10.0, 50.0, 200.0);
        Figures figures = new Figures("Pipeline latency at fixed arrival rates (open loop)", setup(items));
        Profile profile = Profile.fromEnvironment("pipeline.Latency");
        try (Pipeline pipeline = Pipeline.create(PIPELINE)) {
            ServiceProcess ingest = pipeline.start(Pipeline.INGEST, Map.of(), profile.jvmFlags(Pipeline.INGEST, HEAP));
            ServiceProcess editorial =
                    pipeline.start(Pipeline.EDITORIAL, Map.of(), profile.jvmFlags(Pipeline.EDITORIAL, HEAP));
            ServiceProcess publish =
                    pipeline.start(Pipeline.PUBLISH, Map.of(), profile.jvmFlags(Pipeline.PUBLISH, HEAP));
            pipeline.awaitReady();
            try (Connection editorialDb = database(pipeline, Pipeline.EDITORIAL);
                    Connection publishDb = database(pipeline, Pipeline.PUBLISH);
                    PublicationEvents events = new PublicationEvents()) {
                Services services = new Services(
                        new IngestClient(ingest),
                        editorial.url(),
                        new QueueWatch(editorialDb),
                        new PageWatch(publishDb, publish.url(), http),
                        events,
                        ProcessCpu.of(pipeline.services()));
                round(services, 0, WARM_UP_ITEMS, WARM_UP_RATE, new Figures("warm-up", "not reported"));
                profile.measureFromNow();
                for (int round = 1; round <= rates.size(); round++) {
                    round(services, round, items, rates.get(round - 1), figures);
                }
            }
        }
        // The services have stopped, so each dumped its recording.
        profile.report(figures);
        return figures;
    }

    /** What one round talks to. */
    private record Services(
            IngestClient ingest,
            String editorial,
            QueueWatch queue,
            PageWatch pages,
            PublicationEvents events,
            ProcessCpu cpu) {}

    private void round(Services services, int round, int items, double rate, Figures figures) throws Exception {
        String label = String.format(Locale.ROOT, "%,.0f items/s: ", rate);
        String partner = "latency-" + round + "-" + UUID.randomUUID().toString().substring(0, 6);
        String key = services.ingest().partner(partner);
        String[] headlines = new String[items];
        HttpRequest[] pushes = new HttpRequest[items];
        for (int i = 0; i < items; i++) {
            Wire.Story story = Wire.story(round * 10_000_000L + i);
            headlines[i] = story.headline();
            pushes[i] = services.ingest().pushRequest(partner, key, "urn:latency:" + partner + ":" + i, story);
        }

        ProcessCpu.Snapshot before = services.cpu().snapshot();
        OpenLoop pushing = new OpenLoop(rate);
        Answers pushed = new Answers(pushing, items, 201);
        Latencies inQueue = new Latencies();
        pushing.start(items, i -> pushed.send(http, pushes[i], i));
        UUID[] stories = services.queue().await(pushing, headlines, pushed, deadline(pushing, items), inQueue);

        Map<Integer, String> etags = etags(services.editorial(), stories);
        OpenLoop approving = new OpenLoop(rate);
        Answers approved = new Answers(approving, items, 200);
        Latencies published = new Latencies();
        Latencies served = new Latencies();
        Map<UUID, Long> intended = new HashMap<>();
        services.events().recordInto(published);
        for (int i : etags.keySet()) {
            intended.put(stories[i], approving.intended(i));
            services.events().expect(stories[i], approving.intended(i));
        }
        approving.start(
                items,
                i -> etags.containsKey(i)
                        ? approved.send(http, approval(services.editorial(), stories[i], etags.get(i)), i)
                        : CompletableFuture.completedFuture(null));
        long deadline = deadline(approving, items);
        Map<UUID, Integer> approvalOf = new HashMap<>();
        etags.keySet().forEach(i -> approvalOf.put(stories[i], i));
        Predicate<UUID> refused = story -> approved.refused(approvalOf.get(story));
        Set<UUID> unserved = services.pages().await(intended, deadline, refused, served);
        Set<UUID> unpublished = services.events().await(deadline, refused);
        ProcessCpu.Snapshot after = services.cpu().snapshot();

        int unseen = items
                - pushed.refused()
                - (int) Arrays.stream(stories).filter(Objects::nonNull).count();
        figures.add(label + "push answered (201)", with(pushed.latencies(), refusals(pushed)));
        figures.add(label + "push → story in the queue", with(inQueue, missing(unseen)));
        figures.add(label + "approve answered (200)", with(approved.latencies(), refusals(approved)));
        figures.add(
                label + "approve → news.publication.published.v1",
                with(published, missing(count(unpublished, refused.negate()))));
        figures.add(
                label + "approve → story page served (200)", with(served, missing(count(unserved, refused.negate()))));
        figures.add(
                label + "load generator's lag behind schedule (max)",
                String.format(
                        Locale.ROOT,
                        "pushes %.1f ms · approvals %.1f ms",
                        pushing.maxLagMillis(),
                        approving.maxLagMillis()));
        figures.add(label + "CPU per item pushed and approved, by process", ProcessCpu.perResult(before, after, items));
    }

    /** The ETag of each story in the queue, as the chief editor reads it before approving (If-Match). */
    private Map<Integer, String> etags(String editorial, UUID[] stories) throws Exception {
        Map<Integer, String> etags = new HashMap<>();
        for (int i = 0; i < stories.length; i++) {
            if (stories[i] != null) {
                HttpResponse<Void> story = http.send(
                        HttpRequest.newBuilder(URI.create(editorial + "/api/stories/" + stories[i]))
                                .header("Authorization", "Bearer " + CHIEF)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                int read = i;
                story.headers().firstValue("ETag").ifPresent(etag -> etags.put(read, etag));
            }
        }
        return etags;
    }

    private static HttpRequest approval(String editorial, UUID story, String etag) {
        return HttpRequest.newBuilder(URI.create(editorial + "/api/stories/" + story + "/approve"))
                .header("Authorization", "Bearer " + CHIEF)
                .header("If-Match", etag)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private static long deadline(OpenLoop schedule, int items) {
        return schedule.intended(items - 1) + DRAIN.toNanos();
    }

    private static String with(Latencies latencies, String problems) {
        return latencies.count() == 0 ? "none" + problems : latencies.summary() + problems;
    }

    /** Refused requests have no effect to wait for: they are counted here and awaited no further. */
    private static String refusals(Answers answers) {
        return answers.refused() == 0
                ? ""
                : " · " + answers.refused() + " refused or unanswered (" + answers.refusals()
                        + "), not awaited further";
    }

    private static int count(Set<UUID> stories, Predicate<UUID> which) {
        return (int) stories.stream().filter(which).count();
    }

    private static String missing(int missing) {
        return missing == 0 ? "" : " · " + missing + " not seen within " + DRAIN.toSeconds() + " s of the last request";
    }

    private static Connection database(Pipeline pipeline, String service) throws Exception {
        return DriverManager.getConnection(
                pipeline.backends().jdbcUrl(Pipeline.database(service, PIPELINE)),
                pipeline.backends().dbUser(),
                pipeline.backends().dbPassword());
    }

    private static String setup(int items) {
        return String.format(
                Locale.ROOT,
                "ingest, editorial and publish (one packaged JVM each, -Xmx%s, as the other scenarios) on the real "
                        + "PostgreSQL and the bench's Kafka broker, with the load generator on the same 2 cores. At each "
                        + "rate, %,d generated wire stories (distinct, none a near-duplicate of another) are pushed through "
                        + "`POST /api/partners/{p}/items`, each at its intended time by a scheduler that never waits for "
                        + "an answer (java.net.http, HTTP/1.1, a connection per request in flight); then the chief editor "
                        + "approves the %,d stories (`POST /api/stories/{id}/approve` with the ETag read beforehand) at the "
                        + "same rate. Every latency runs from the request's intended time (no coordinated omission). "
                        + "Story in the queue: its row in editorial's database, polled every %d ms (NEW stories created "
                        + "since the oldest push not yet seen; a database read costs the service nothing, and editorial "
                        + "announces no event when a story arrives); publication event: news.publications read from its "
                        + "end by a plain consumer (assigned partitions, no group); page served: publish's "
                        + "publication table polled every %d ms for the approved stories, each found fetched at once "
                        + "from `/stories/{slug}` until it answers 200. Polled figures are late by at most one poll. "
                        + "A phase waits %d s after its last request; what has not arrived by then is counted, not "
                        + "guessed; a refused request (another status, or no answer) is counted with its status and its "
                        + "effect not awaited. Before the measured rates, a round of %d items at %.0f/s, not reported, warms the "
                        + "services up. A round's CPU row is the CPU time each process spent from its first push to its last "
                        + "result seen, per item, as pipeline.Throughput's rows count it. Issue #14's target: p99 push → queue ≤ 250 ms at 50 items/s.",
                HEAP,
                items,
                items,
                QueueWatch.POLL.toMillis(),
                QueueWatch.POLL.toMillis(),
                DRAIN.toSeconds(),
                WARM_UP_ITEMS,
                WARM_UP_RATE);
    }
}
