package org.newsroom.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * Kafka topics of the pipeline: the one list (docs/architecture.md, "2. Topics and events"). The launcher,
 * docker-compose's init step and k8s/base/kafka/topics.yaml create exactly {@link #ALL}; deploy-check's
 * TopicListsTest fails when one of them differs. Poison records of a topic go to {@code <topic>.dlq}.
 */
public final class Topics {
    public static final String ITEMS = "news.items";
    public static final String EDITORIAL = "news.editorial";
    public static final String PUBLICATIONS = "news.publications";
    public static final String DELIVERIES = "news.deliveries";

    /** The topics events travel on, upstream first. */
    public static final List<String> PIPELINE = List.of(ITEMS, EDITORIAL, PUBLICATIONS, DELIVERIES);

    /** Every topic the broker must have: the pipeline topics, then their dead-letter topics. */
    public static final List<String> ALL = Stream.concat(
                    PIPELINE.stream(), PIPELINE.stream().map(Topics::deadLetter))
            .toList();

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
