package org.newsroom.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one topic list: every event type travels on a pipeline topic, and every topic has its dead-letter topic. */
class TopicsTest {

    @Test
    void allIsThePipelineTopicsThenTheirDeadLetterTopics() {
        assertEquals(
                List.of(
                        "news.items",
                        "news.editorial",
                        "news.publications",
                        "news.deliveries",
                        "news.items.dlq",
                        "news.editorial.dlq",
                        "news.publications.dlq",
                        "news.deliveries.dlq"),
                Topics.ALL);
    }

    @Test
    void everyPipelineTopicCarriesEventTypesAndNoEventTypeTravelsElsewhere() {
        Set<String> used =
                Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Topics.PIPELINE), used);
    }
}
