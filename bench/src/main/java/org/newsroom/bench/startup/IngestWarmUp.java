package org.newsroom.bench.startup;

import java.util.UUID;
import org.newsroom.bench.ingest.IngestClient;
import org.newsroom.bench.ingest.Wire;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/** Partner pushes of new wire stories (sanitize, fingerprint, near-duplicate lookup, outbox), then item listings. */
record IngestWarmUp(int requests) implements WarmUp {

    @Override
    public String what() {
        return requests + " partner pushes, then " + requests / 10 + " item listings";
    }

    @Override
    public void run(Pipeline pipeline, ServiceProcess service) throws Exception {
        IngestClient client = new IngestClient(service);
        String partner = "warm-up-" + UUID.randomUUID().toString().substring(0, 8);
        String key = client.partner(partner);
        long first = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            client.push(partner, key, "urn:warm-up:" + partner + ":" + i, Wire.story(first + i));
        }
        for (int i = 0; i < requests / 10; i++) {
            client.items("limit=50");
        }
    }
}
