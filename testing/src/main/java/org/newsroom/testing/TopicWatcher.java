package org.newsroom.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a service writes to a topic of the real broker, from the moment the watcher is opened: open it before
 * the action under test, then {@link #await} the record the action should produce.
 */
public final class TopicWatcher implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicWatcher(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        TopicCreation.ensure(topic);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    public static TopicWatcher open(String topic) {
        return new TopicWatcher(topic);
    }

    /** @return the first record since opening that matches, or an AssertionError after the timeout */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
        List<ConsumerRecord<String, String>> found = awaitCount(matching, 1, timeout);
        return found.get(0);
    }

    /** Polls until {@code count} matching records were seen; more than that are returned too. */
    public List<ConsumerRecord<String, String>> awaitCount(
            Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            List<ConsumerRecord<String, String>> found =
                    seen.stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " matching record(s) within " + timeout + ", saw "
                        + found.size() + " of " + seen.size());
            }
        }
    }

    /** Everything read so far that matches, after polling for {@code quiet} more. */
    public List<ConsumerRecord<String, String>> drain(
            Predicate<ConsumerRecord<String, String>> matching, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(matching).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
