package org.newsroom.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.newsroom.bench.Figures;
import org.newsroom.bench.Latencies;
import org.newsroom.bench.Scenario;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/**
 * Near-duplicate lookup latency with many items stored: seeds {@code stored} generated stories through concurrent
 * partner pushes (default 100,000), then pushes {@code probes} more one at a time (default 2,000), every other one
 * another agency's report of a stored story (which must join its cluster) and the rest new stories. Reports the
 * service's own lookup timer over the probes (index query and verification) and the whole push as the partner sees it.
 *
 * <p>Arguments: {@code [stored] [probes] [seeders]}.
 */
public class NearDuplicateLookup implements Scenario {

    @Override
    public Figures run(List<String> args) throws Exception {
        int stored = args.size() > 0 ? Integer.parseInt(args.get(0)) : 100_000;
        int probes = args.size() > 1 ? Integer.parseInt(args.get(1)) : 2_000;
        int seeders = args.size() > 2 ? Integer.parseInt(args.get(2)) : 8;
        try (Pipeline pipeline = Pipeline.create("bench_ingest_lookup")) {
            ServiceProcess ingest = pipeline.start(Pipeline.INGEST, Map.of("JAVA_MAX_HEAP", "512m"));
            pipeline.awaitReady();
            IngestClient client = new IngestClient(ingest);
            String run = UUID.randomUUID().toString().substring(0, 6);
            String seedWire = "seed-" + run;
            String seedKey = client.partner(seedWire);
            String probeWire = "probe-" + run;
            String probeKey = client.partner(probeWire);

            long seedStart = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(seeders);
            AtomicLong next = new AtomicLong();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < seeders; t++) {
                done.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < stored; n = next.getAndIncrement()) {
                        client.push(seedWire, seedKey, "urn:seed:" + n, Wire.story(n));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            String before = client.metrics();
            Latencies duplicatePushes = new Latencies();
            Latencies newPushes = new Latencies();
            int joined = 0;
            for (int p = 0; p < probes; p++) {
                boolean duplicate = p % 2 == 0;
                long n = duplicate ? (long) p * 7919 % stored : stored + p;
                Wire.Story story = duplicate ? Wire.otherReport(n) : Wire.story(n);
                Latencies latencies = duplicate ? duplicatePushes : newPushes;
                String uri = "urn:probe:" + p;
                JsonNode item = latencies.time(() -> client.push(probeWire, probeKey, uri, story));
                if (duplicate
                        && !item.get("clusterId").asText().equals(item.get("id").asText())) {
                    joined++;
                }
            }
            String after = client.metrics();
            String timer = "newsroom_ingest_cluster_lookup_seconds";
            double count = delta(before, after, timer + "_count");
            double mean = delta(before, after, timer + "_sum") / count * 1000;
            return new Figures(
                            "ingest: near-duplicate lookup",
                            ("%,d generated stories stored first (concurrent partner pushes, %d at a time), then %,d pushes one "
                                            + "at a time: every other one another agency's report of a stored story (same names and "
                                            + "numbers, 40%% of the words its own), the rest new stories. The lookup is one query on the "
                                            + "LSH band index (40 bands × 3 rows, btree) and an exact check of the candidates; ingest-service "
                                            + "(one instance, -Xmx512m) on the real PostgreSQL and Kafka.")
                                    .formatted(stored, seeders, probes))
                    .add("items stored before the probes", String.format(Locale.ROOT, "%,d", stored))
                    .add(
                            "seeding",
                            String.format(Locale.ROOT, "%.0f s (%.0f items/s)", seedSeconds, stored / seedSeconds))
                    .add("lookup, service timer (sliding window, p50/p99)", FeedThroughput.lookup(after))
                    .add("lookup, mean over the probes", String.format(Locale.ROOT, "%.2f ms (n=%.0f)", mean, count))
                    .add("push of a near-duplicate (client side)", duplicatePushes)
                    .add("push of a new story (client side)", newPushes)
                    .add(
                            "near-duplicates that joined their story's cluster",
                            String.format(Locale.ROOT, "%d of %d", joined, (probes + 1) / 2));
        }
    }

    private static double delta(String before, String after, String series) {
        return IngestClient.metric(after, series, "").orElse(0.0)
                - IngestClient.metric(before, series, "").orElse(0.0);
    }
}
