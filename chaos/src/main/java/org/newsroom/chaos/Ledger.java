package org.newsroom.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroom.events.Topics;

/**
 * Everything that reaches {@code news.publications} and the dead-letter topics of the harness's broker, read from
 * the beginning by a consumer of its own (no group, so it commits nothing and disturbs no one), through outages:
 * the client reconnects by itself.
 */
final class Ledger implements AutoCloseable {

    /** One record of news.publications: the key is the publication's (or edition's) id. */
    record PublicationEvent(String ceId, String type, String key, Instant at) {}

    /** One dead-lettered record; {@code poison} when the harness produced it on purpose. */
    record DeadLetter(String topic, String key, String reason, String ceType, Instant at) {
        boolean poison() {
            return key != null && key.startsWith(PoisonRecords.KEY_PREFIX);
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<PublicationEvent> publications = new CopyOnWriteArrayList<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    private Ledger(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>(List.of(Topics.PUBLICATIONS));
        Topics.PIPELINE.forEach(topic -> topics.add(Topics.deadLetter(topic)));
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(this::read, "ledger");
        reader.setDaemon(true);
    }

    static Ledger open(String bootstrapServers) {
        Ledger ledger = new Ledger(bootstrapServers);
        ledger.reader.start();
        return ledger;
    }

    List<PublicationEvent> publications() {
        return List.copyOf(publications);
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    private void read() {
        try {
            while (open) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Instant at = Instant.ofEpochMilli(record.timestamp());
                    if (record.topic().equals(Topics.PUBLICATIONS)) {
                        publications.add(new PublicationEvent(
                                header(record, "ce_id"), header(record, "ce_type"), record.key(), at));
                    } else {
                        deadLetters.add(new DeadLetter(
                                record.topic(),
                                record.key(),
                                header(record, "dead-letter-reason"),
                                header(record, "ce_type"),
                                at));
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        consumer.wakeup();
        reader.join(10_000);
    }
}
