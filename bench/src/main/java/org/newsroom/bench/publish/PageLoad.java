package org.newsroom.bench.publish;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.newsroom.bench.Figures;
import org.newsroom.bench.Latencies;
import org.newsroom.bench.Scenario;
import org.newsroom.events.Attribution;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/**
 * Readers' load on publish-service: the packaged service is started, {@code stories} approvals are produced to
 * news.editorial (as editorial-service would), and once all are published, {@code threads} client threads hit the
 * article pages (a random one per request) and the site RSS feed for {@code seconds} each, first cold (no
 * validators: every answer rendered in full) and then conditional (If-None-Match with the ETag: 304 Not Modified).
 *
 * <p>Arguments: {@code [stories] [threads] [seconds]} (default 200, 8 and 15).
 */
public class PageLoad implements Scenario {
    private static final String PIPELINE = "bench_publish";

    /** The last ETag seen per URL: what a conditional request sends back. */
    private final Map<String, String> etags = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public Figures run(List<String> args) throws Exception {
        int stories = args.size() > 0 ? Integer.parseInt(args.get(0)) : 200;
        int threads = args.size() > 1 ? Integer.parseInt(args.get(1)) : 8;
        int seconds = args.size() > 2 ? Integer.parseInt(args.get(2)) : 15;
        try (Pipeline pipeline = Pipeline.create(PIPELINE)) {
            ServiceProcess publish = pipeline.start(Pipeline.PUBLISH, Map.of("JAVA_MAX_HEAP", "512m"));
            pipeline.awaitReady();
            String base = publish.url();
            List<String> articles = seed(base, stories);
            String feed = base + "/feeds/rss.xml";
            Figures figures = new Figures(
                    "Article page and RSS feed under concurrent readers",
                    String.format(
                            Locale.ROOT,
                            "%d publications (full article: body, image, editor's note, bio) produced as "
                                    + "news.story.approved.v1 and published; one publish-service JVM (-Xmx512m); %d client "
                                    + "threads (java.net.http, HTTP/1.1, keep-alive) in the load-generator JVM on the same "
                                    + "machine, %d s per row after a 5 s warm-up; article requests pick a random story; "
                                    + "the feed lists the newest 50",
                            stories,
                            threads,
                            seconds));
            run(threads, 5, () -> get(articles, false), new Latencies(), new AtomicLong());
            row(figures, "article page, cold (200)", threads, seconds, () -> get(articles, false));
            row(figures, "article page, conditional (304)", threads, seconds, () -> get(articles, true));
            run(threads, 5, () -> get(List.of(feed), false), new Latencies(), new AtomicLong());
            row(figures, "RSS feed, cold (200)", threads, seconds, () -> get(List.of(feed), false));
            row(figures, "RSS feed, conditional (304)", threads, seconds, () -> get(List.of(feed), true));
            return figures;
        }
    }

    /** One request; returns its status. */
    @FunctionalInterface
    private interface Request {
        int send() throws Exception;
    }

    private int get(List<String> urls, boolean conditional) throws Exception {
        String url = urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (conditional) {
            String etag = etags.get(url);
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().firstValue("ETag").ifPresent(etag -> etags.put(url, etag));
        return response.statusCode();
    }

    private void row(Figures figures, String name, int threads, int seconds, Request request) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong unexpected = new AtomicLong();
        long done = run(threads, seconds, request, latencies, unexpected);
        figures.add(
                name,
                String.format(
                        Locale.ROOT,
                        "%,.0f pages/s · %s%s",
                        done / (double) seconds,
                        latencies.summary(),
                        unexpected.get() == 0 ? "" : " · " + unexpected.get() + " errors"));
    }

    /** Runs {@code request} from {@code threads} threads for {@code seconds}; returns how many completed. */
    private static long run(int threads, int seconds, Request request, Latencies latencies, AtomicLong errors)
            throws Exception {
        Instant end = Instant.now().plusSeconds(seconds);
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        long start = System.nanoTime();
                        int status = request.send();
                        latencies.record(System.nanoTime() - start);
                        done.incrementAndGet();
                        if (status != 200 && status != 304) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get();
    }

    /** Produces the approvals and waits until every story is public; returns the article URLs. */
    private List<String> seed(String base, int stories) throws Exception {
        List<String> urls = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (CloudEventRecords records = new CloudEventRecords()) {
            for (int i = 0; i < stories; i++) {
                String headline = "Bench story " + run + " " + i;
                UUID storyId = UUID.randomUUID();
                StoryApproved approval = approval(storyId, headline, i);
                records.send(
                        Topics.EDITORIAL,
                        storyId.toString(),
                        EventType.STORY_APPROVED.type(),
                        EventCodec.encode(approval));
                urls.add(base + "/stories/bench-story-" + run + "-" + i);
            }
        }
        Instant deadline = Instant.now().plusSeconds(120);
        for (String url : urls) {
            while (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    != 200) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Not published in time: " + url);
                }
                Thread.sleep(200);
            }
        }
        return urls;
    }

    /** A full article's approval, as editorial-service announces it: body, image, editor's note, bio. */
    public static StoryApproved approval(UUID storyId, String headline, int image) {
        return new StoryApproved(
                storyId,
                UUID.randomUUID(),
                headline,
                "A first paragraph of a summary.\n\nA second paragraph.",
                "A. Writer",
                new Attribution("The Harbor Ledger", "https://example.org/ledger"),
                "chief@newsroom.local",
                Instant.now(),
                "Why this matters to our readers.",
                List.of("Markets", "Geopolitics"),
                "<p>" + "A sentence of the body of the story. ".repeat(40) + "</p>",
                "LONDON",
                "https://images.example.org/" + image + ".jpg",
                "A caption",
                "Photo: Bench",
                "© 2026 The Harbor Ledger",
                "A. Writer writes.",
                null);
    }
}
