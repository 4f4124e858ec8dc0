package org.newsroom.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/**
 * The ingest-service API as the benchmarks use it: sources, partner pushes, fetch-now, and /q/metrics from the
 * management port. Sources and items are called as operations (an ingest-admin token), pushes with the partner's key.
 */
public final class IngestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = TestTokens.token("bench-ops", "ingest-admin");

    private final String base;
    private final String management;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public IngestClient(ServiceProcess ingest) {
        this.base = ingest.url();
        this.management = ingest.managementUrl();
    }

    JsonNode feed(String name, String url) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("name", name)
                .put("url", url)
                .put("enabled", false)
                .put("attributionName", "Wire " + name);
        body.putArray("defaultSections").add("Markets");
        return send("POST", "/api/sources", body, 201);
    }

    /** @return the partner's API key */
    public String partner(String name) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("kind", "partner");
        return send("POST", "/api/sources", body, 201).get("apiKey").asText();
    }

    JsonNode fetch(String sourceId) throws IOException, InterruptedException {
        return send("POST", "/api/sources/" + sourceId + "/fetch", null, 200);
    }

    /** Pushes a ninjs item; @return the stored item. */
    public JsonNode push(String partner, String key, String uri, Wire.Story story)
            throws IOException, InterruptedException {
        return answer(http.send(pushRequest(partner, key, uri, story), HttpResponse.BodyHandlers.ofString()), 201);
    }

    /**
     * Pushes a batch, a JSON array of ninjs items ({@code story} gives each its story by position), answered 207;
     * @throws IllegalStateException unless every item of it was created
     */
    public void pushBatch(String partner, String key, List<String> uris, IntFunction<Wire.Story> story)
            throws IOException, InterruptedException {
        ArrayNode batch = JSON.createArrayNode();
        for (int n = 0; n < uris.size(); n++) {
            batch.add(ninjs(uris.get(n), story.apply(n)));
        }
        JsonNode answer = answer(
                http.send(
                        request("POST", "/api/partners/" + partner + "/items", batch)
                                .header("X-Api-Key", key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString()),
                207);
        for (JsonNode result : answer.path("results")) {
            if (result.path("status").asInt() != 201) {
                throw new IllegalStateException("a batch item answered " + result);
            }
        }
    }

    /** The request of {@link #push}, for callers that send it on their own schedule (201 with the stored item). */
    public HttpRequest pushRequest(String partner, String key, String uri, Wire.Story story) throws IOException {
        return request("POST", "/api/partners/" + partner + "/items", ninjs(uri, story))
                .header("X-Api-Key", key)
                .build();
    }

    private static ObjectNode ninjs(String uri, Wire.Story story) {
        ObjectNode body = JSON.createObjectNode()
                .put("uri", uri)
                .put("headline", story.headline())
                .put("body_html", story.html())
                .put("description_text", story.lede())
                .put("language", "en");
        body.putArray("subjects").addObject().put("name", "Economy");
        return body;
    }

    public JsonNode items(String query) throws IOException, InterruptedException {
        return send("GET", "/api/items?" + query, null, 200);
    }

    String metrics() throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(management + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** A value of /q/metrics: the first line of {@code series} whose labels contain {@code label}. */
    static Optional<Double> metric(String metrics, String series, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(\\{[^}]*\\})? (\\S+)$")
                .matcher(metrics);
        while (m.find()) {
            if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }

    private JsonNode send(String method, String path, JsonNode body, int expected)
            throws IOException, InterruptedException {
        return answer(
                http.send(
                        request(method, path, body)
                                .header("Authorization", "Bearer " + OPS)
                                .build(),
                        HttpResponse.BodyHandlers.ofString()),
                expected);
    }

    private HttpRequest.Builder request(String method, String path, JsonNode body) throws IOException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .method(method, publisher);
    }

    private static JsonNode answer(HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
