package org.newsroom.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order check must see a retraction or update that overtook its publication, or the harness proves nothing. */
class WebhookReceiverTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countsStoriesWhoseUpdateOrRetractionCameBeforeThePublication() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            call(receiver, "e1", "news.publication.published.v1", "in-order");
            call(receiver, "e2", "news.publication.retracted.v1", "in-order");
            call(receiver, "e3", "news.publication.retracted.v1", "retracted-first");
            call(receiver, "e4", "news.publication.published.v1", "retracted-first");
            call(receiver, "e5", "news.publication.updated.v1", "updated-only");

            List<String> publications = List.of("in-order", "retracted-first", "updated-only");
            assertEquals(2, receiver.misordered(publications));
            assertEquals(2, receiver.published(publications));
            assertEquals(1, receiver.calls("e3"));
        }
    }

    private void call(WebhookReceiver receiver, String id, String type, String publication) throws Exception {
        String body = "{\"type\":\"" + type + "\",\"timestamp\":\"2026-12-04T00:00:00Z\",\"data\":{\"publicationId\":\""
                + publication + "\"}}";
        http.send(
                HttpRequest.newBuilder(URI.create(receiver.url()))
                        .header("webhook-id", id)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
