package org.newsroom.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.newsroom.bench.Figures;
import org.newsroom.bench.Latencies;
import org.newsroom.bench.Scenario;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/**
 * Parse + normalize + sanitize + dedupe throughput of ingest-service: a generated corpus of RSS feeds (default 100
 * feeds of 100 items) served by an HTTP server in this process, one feed source each, all fetched now (through the
 * fetch API, {@code fetchers} at a time) until every item is stored. Every item is new, HTML with a link, a tracking
 * pixel and a script, and one in ten is another agency's report of an earlier feed's story (it joins its cluster).
 *
 * <p>Arguments: {@code [feeds] [itemsPerFeed] [fetchers]}.
 */
public class FeedThroughput implements Scenario {

    @Override
    public Figures run(List<String> args) throws Exception {
        int feeds = args.size() > 0 ? Integer.parseInt(args.get(0)) : 100;
        int perFeed = args.size() > 1 ? Integer.parseInt(args.get(1)) : 100;
        int fetchers = args.size() > 2 ? Integer.parseInt(args.get(2)) : 4;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (int f = 0; f < feeds; f++) {
            byte[] rss = rss(f, perFeed).getBytes(StandardCharsets.UTF_8);
            server.createContext("/feeds/" + f + ".xml", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, rss.length);
                exchange.getResponseBody().write(rss);
                exchange.close();
            });
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        try (Pipeline pipeline = Pipeline.create("bench_ingest_feeds")) {
            ServiceProcess ingest = pipeline.start(
                    Pipeline.INGEST, Map.of("JAVA_MAX_HEAP", "512m", "NEWSROOM_FETCH_ALLOWED_HOSTS", "127.0.0.1"));
            pipeline.awaitReady();
            IngestClient client = new IngestClient(ingest);
            String run = UUID.randomUUID().toString().substring(0, 6);
            List<String> sources = new ArrayList<>();
            for (int f = 0; f < feeds; f++) {
                sources.add(client.feed(
                                "feed-" + run + "-" + f,
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + f + ".xml")
                        .get("id")
                        .asText());
            }
            Latencies perFetch = new Latencies();
            AtomicInteger stored = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(fetchers);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (String source : sources) {
                done.add(pool.submit(() -> {
                    JsonNode log = perFetch.time(() -> client.fetch(source));
                    if (!"ok".equals(log.get("status").asText())) {
                        throw new IllegalStateException("fetch failed: " + log);
                    }
                    stored.addAndGet(log.get("itemsNew").asInt());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            int expected = feeds * perFeed;
            if (stored.get() != expected) {
                throw new IllegalStateException("stored " + stored.get() + " of " + expected + " items");
            }
            String metrics = client.metrics();
            double joined = sum(metrics, "newsroom_ingest_items_duplicates_total", "near_duplicate");
            return new Figures(
                            "ingest: feed throughput (parse, normalize, sanitize, dedupe, cluster)",
                            ("%d RSS feeds of %d generated items each (HTML bodies with a link, a tracking pixel and a script; one "
                                            + "item in ten another agency's report of an earlier story), served from the bench process; "
                                            + "ingest-service (one instance, -Xmx512m) fetches all of them through `POST /api/sources/{id}/fetch`, "
                                            + "%d at a time, on the real PostgreSQL and Kafka. Every item is taken in in its own transaction "
                                            + "with its version, fingerprint, LSH bands and outbox event.")
                                    .formatted(feeds, perFeed, fetchers))
                    .add("items stored", String.valueOf(stored.get()))
                    .add("wall time", String.format(Locale.ROOT, "%.1f s", seconds))
                    .add("throughput", String.format(Locale.ROOT, "%.0f items/s", stored.get() / seconds))
                    .add("fetch of one feed (" + perFeed + " items)", perFetch)
                    .add("near-duplicate lookup (service timer)", lookup(metrics))
                    .add(
                            "items that joined another feed's cluster",
                            String.format(Locale.ROOT, "%.0f of %d", joined, otherReports(feeds, perFeed)));
        } finally {
            server.stop(0);
        }
    }

    private static boolean isOtherReport(int f, int i, int perFeed) {
        return f > 0 && i % 10 == 0 && i + 1 < perFeed;
    }

    private static long otherReports(int feeds, int perFeed) {
        long perFeedReports = IntStream.range(0, perFeed)
                .filter(i -> isOtherReport(1, i, perFeed))
                .count();
        return (feeds - 1) * perFeedReports;
    }

    static String lookup(String metrics) {
        return String.format(
                Locale.ROOT,
                "p50 %.2f ms · p99 %.2f ms (n=%.0f)",
                IngestClient.metric(metrics, "newsroom_ingest_cluster_lookup_seconds", "quantile=\"0.5\"")
                                .orElse(0.0)
                        * 1000,
                IngestClient.metric(metrics, "newsroom_ingest_cluster_lookup_seconds", "quantile=\"0.99\"")
                                .orElse(0.0)
                        * 1000,
                IngestClient.metric(metrics, "newsroom_ingest_cluster_lookup_seconds_count", "")
                        .orElse(0.0));
    }

    private static double sum(String metrics, String series, String label) {
        return metrics.lines()
                .filter(l -> l.startsWith(series + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * Feed {@code f}: its own stories, and in every tenth slot {@code i} the other agency's report of feed
     * {@code f - 1}'s own story in slot {@code i + 1} (feed 0 has only its own).
     */
    private static String rss(int f, int perFeed) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < perFeed; i++) {
            long n = (long) f * perFeed + i;
            Wire.Story story = isOtherReport(f, i, perFeed) ? Wire.otherReport(n - perFeed + 1) : Wire.story(n);
            items.append("<item><title>")
                    .append(story.headline())
                    .append("</title>")
                    .append("<link>https://feed")
                    .append(f)
                    .append(".example/news/")
                    .append(i)
                    .append("?utm_source=rss</link>")
                    .append("<guid isPermaLink=\"false\">")
                    .append(f)
                    .append('-')
                    .append(i)
                    .append("</guid>")
                    .append("<pubDate>Tue, 24 Nov 2026 07:30:00 GMT</pubDate><category>Economy</category>")
                    .append("<description><![CDATA[")
                    .append(story.lede())
                    .append("]]></description>")
                    .append("<content:encoded><![CDATA[")
                    .append(story.html())
                    .append("]]></content:encoded></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Feed " + f + "</title>"
                + "<link>https://feed" + f + ".example/</link><description>generated at " + Instant.now()
                + "</description>"
                + items + "</channel></rss>";
    }
}
