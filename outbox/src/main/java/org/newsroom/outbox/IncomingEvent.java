package org.newsroom.outbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PoisonEventException;

/** A CloudEvent read from Kafka in binary mode: id and type from the {@code ce_*} headers, JSON data as value. */
public record IncomingEvent(String id, String type, String key, String data) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonEventException("record without a value");
        }
        return new IncomingEvent(header(record, "ce_id"), header(record, "ce_type"), record.key(), record.value());
    }

    public <T> T payload(Class<T> type) {
        return EventCodec.decode(data, type);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new PoisonEventException("record without the CloudEvents header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
