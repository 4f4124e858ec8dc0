package org.newsroom.editorial.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;

/**
 * Every size limit of editorial's API and events, in one place (README, "Limits"). The events editorial emits
 * carry the editors' fields, the readers' letters never: so the caps on the editable fields, together with the
 * body ingest caps at 200,000 characters, keep a story's event below ~700 KB even in three-byte characters.
 * Stories that arrived before that cap, and an edition's summaries (as long as ingest lets them be, thirty briefs
 * of them), can still add up, so an event is measured before it is written and refused above {@link #EVENT_BYTES}:
 * Kafka would refuse it (1 MiB a record) after the change it announces had already been committed.
 */
public final class Limits {
    public static final int HEADLINE = 500;
    public static final int SUMMARY = 5_000;
    public static final int SUMMARY_PARAGRAPHS = 3;
    public static final int BYLINE = 300;
    public static final int NOTE = 5_000;
    public static final int AUTHOR_BIO = 5_000;
    public static final int OUTLET = 200;
    public static final int URL = 2_000;
    public static final int DATELINE = 200;
    public static final int ASSIGNEE = 200;
    public static final int IMAGE_CAPTION = 2_000;
    /** As ingest keeps it (its column). */
    public static final int IMAGE_CREDIT = 500;

    public static final int RIGHTS = 2_000;
    public static final int SECTION = 64;
    public static final int SECTIONS = 10;
    /** A correction note, a rejection or kill reason. */
    public static final int REASON = 5_000;

    public static final int EDITION_TITLE = 300;
    public static final int BRIEFS = 30;

    public static final int LETTER = 5_000;
    public static final int LETTER_NAME = 200;
    public static final int EMAIL = 320;

    /** Below Kafka's 1 MiB a record, leaving room for the key and the CloudEvents headers. */
    public static final int EVENT_BYTES = 900 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Limits() {}

    /** @throws EventTooLargeException naming the payload's largest field when the encoded event is too large */
    public static void requireSendable(Object payload) {
        String json = EventCodec.encode(payload);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= EVENT_BYTES) {
            return;
        }
        String largest = null;
        int largestBytes = 0;
        try {
            Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(json).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                int size = field.getValue().toString().getBytes(StandardCharsets.UTF_8).length;
                if (size > largestBytes) {
                    largest = field.getKey();
                    largestBytes = size;
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EventCodec wrote JSON it cannot read back", e);
        }
        throw new EventTooLargeException(EventType.of(payload.getClass()).type(), bytes, largest, largestBytes);
    }
}
