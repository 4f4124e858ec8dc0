package org.newsroom.ingest.domain;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * How large an item may be, in one place. Every item becomes a news.item.ingested.v1 or updated.v1 event, which must
 * stay well below Kafka's 1 MiB record limit: a larger one can never be relayed. The event carries the body twice
 * (sanitized HTML and plain text), and a character count alone cannot bound it: sanitizing turns a quote into
 * {@code &#34;} and puts an HTML comment between two braces, a CJK character takes 3 bytes in UTF-8, so 200,000
 * characters can become 2 MB. Hence two body limits: {@link #BODY_CHARS} as sent (what a partner can predict) and
 * {@link #BODY_EVENT_BYTES} once sanitized (what the event carries). With the other fields at their limits a maximal
 * event stays below 700 KB (OversizedItemsTest measures one). A request as a whole is bounded by
 * {@code quarkus.http.limits.max-body-size} (application.properties).
 */
public final class ItemLimits {
    /** Characters of body HTML an API client may send. */
    public static final int BODY_CHARS = 200_000;
    /** The sanitized body as the event carries it: its HTML and its plain text, JSON-escaped UTF-8. */
    public static final int BODY_EVENT_BYTES = 512 * 1024;
    /** Characters of summary (dek) an API client may send; a feed's longer summary is cut to this length. */
    public static final int SUMMARY_CHARS = 20_000;
    /** Characters of rights (copyright) notice an API client may send; a feed's is cut to this length. */
    public static final int RIGHTS_CHARS = 1_000;
    /** Characters of a feed image's caption; a longer one is cut to this length. */
    public static final int CAPTION_CHARS = 1_000;
    /** Sections an item keeps: the source's defaults first, then its own categories. */
    public static final int SECTIONS = 50;

    private ItemLimits() {}

    /** Refuses a normalized item whose sanitized body (its HTML and plain text) would make its event too large to relay. */
    static void requireRelayableBody(String html, String text) {
        if (html != null && jsonBytes(html) + jsonBytes(text) > BODY_EVENT_BYTES) {
            throw new ItemTooLargeException(
                    "bodyHtml",
                    "is larger than " + BODY_EVENT_BYTES / 1024
                            + " KiB once sanitized (its HTML and plain text, as its event carries them)");
        }
    }

    private static int jsonBytes(String value) {
        return value == null ? 0 : JsonStringEncoder.getInstance().quoteAsUTF8(value).length;
    }
}
