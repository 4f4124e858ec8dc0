package org.newsroom.testing;

/** Where the tests' real Kafka broker listens (started by {@code ./newsroom test}). */
public final class Broker {
    private Broker() {}

    public static String bootstrapServers() {
        String fromEnv = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return fromEnv == null || fromEnv.isBlank() ? "127.0.0.1:9092" : fromEnv;
    }
}
