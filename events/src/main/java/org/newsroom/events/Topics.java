package org.newsroom.events;

/** Kafka topics of the pipeline (DESIGN §3). Poison records of a topic go to {@code <topic>.dlq}. */
public final class Topics {
    public static final String ITEMS = "news.items";
    public static final String EDITORIAL = "news.editorial";
    public static final String PUBLICATIONS = "news.publications";
    public static final String DELIVERIES = "news.deliveries";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
