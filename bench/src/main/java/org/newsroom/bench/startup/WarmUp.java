package org.newsroom.bench.startup;

import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/** Requests typical of one service, sent once it is ready, so that its memory is measured as it serves. */
interface WarmUp {

    /** What the warm-up does, for the report. */
    String what();

    void run(Pipeline pipeline, ServiceProcess service) throws Exception;

    static WarmUp of(String service, int requests) {
        return switch (service) {
            case Pipeline.INGEST -> new IngestWarmUp(requests);
            case Pipeline.EDITORIAL -> new EditorialWarmUp(requests);
            case Pipeline.PUBLISH -> new PublishWarmUp(requests);
            case Pipeline.NOTIFY -> new NotifyWarmUp(requests);
            default -> throw new IllegalArgumentException(service);
        };
    }
}
