package org.newsroom.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/**
 * editorial-service's API as editors use it: a chief editor approves a story as read (its ETag in If-Match), an
 * editor composes an edition and the chief editor approves it as composed.
 */
final class EditorialClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = TestTokens.token("bench-editor", "editor");
    private static final String CHIEF_EDITOR = TestTokens.token("bench-chief", "chief-editor");

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    EditorialClient(ServiceProcess editorial) {
        this.base = editorial.url();
    }

    /** Reads the story and approves that version: two requests, as the chief editor's screen makes them. */
    void approve(String storyId) throws IOException, InterruptedException {
        HttpResponse<String> story = send(request("/api/stories/" + storyId, CHIEF_EDITOR), 200);
        send(
                request("/api/stories/" + storyId + "/approve", CHIEF_EDITOR)
                        .header("If-Match", story.headers().firstValue("ETag").orElseThrow())
                        .POST(HttpRequest.BodyPublishers.noBody()),
                200);
    }

    /** Today's edition: the lead with an editor's note and the briefs, composed and approved. */
    void publishEdition(String title, String lead, List<String> briefs) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("title", title)
                .put("date", LocalDate.now(ZoneOffset.UTC).toString())
                .put("leadStoryId", lead)
                .put("leadNote", "We lead with this because it moves the most readers.");
        briefs.forEach(body.putArray("briefs")::add);
        body.putArray("sections").add("Economy");
        JsonNode composed = JSON.readTree(send(
                        request("/api/editions", EDITOR)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                        201)
                .body());
        send(
                request("/api/editions/" + composed.get("id").asText() + "/approve", CHIEF_EDITOR)
                        .header("If-Match", composed.get("etag").asText())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                200);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
