package org.newsroom.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.TestTokens;

/**
 * What the people around the pipeline do through its APIs: an operator registers a partner and a webhook, the
 * partner pushes items, a chief editor approves, corrects, kills and composes the edition (each on the copy just
 * read, its ETag in If-Match), readers sign up. Each call is one attempt; {@link Answer#status()} is -1 when nothing answered (the caller decides whether to retry).
 */
final class Desk {
    static final String PARTNER = "chaos-wire";
    /** The feed source ingest registers at startup from NEWSROOM_FEED_URL. */
    static final String FEED = "chaos-feed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIRM_TOKEN = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)");
    private static final String CHIEF_EDITOR = TestTokens.token("chaos-chief", "chief-editor");
    private static final String ADMIN = TestTokens.token("chaos-ops", "admin");
    private static final String INGEST_ADMIN = TestTokens.token("chaos-ops", "ingest-admin");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Registers the partner source; returns its API key (shown only now). */
    String createPartner(String ingest) {
        Answer answer = post(ingest + "/api/sources", INGEST_ADMIN, """
                {"name":"%s","kind":"partner","attributionName":"Chaos Wire","attributionUrl":"https://wire.example",
                 "defaultSections":["Politics"]}""".formatted(PARTNER));
        require(answer, "creating the partner source");
        return answer.body().get("apiKey").asText();
    }

    /** A ninjs item pushed by the partner; {@code body} is its HTML body (its size is what makes an item large). */
    Answer push(String ingest, String apiKey, String uri, String headline, String body) {
        ObjectNode item = JSON.createObjectNode()
                .put("uri", uri)
                .put("language", "en")
                .put("by", "Chaos Desk")
                .put("pubstatus", "usable");
        item.putArray("headlines").addObject().put("value", headline).put("role", "main");
        item.putArray("descriptions")
                .addObject()
                .put("value", "What happened, in one line.")
                .put("role", "summary");
        item.putArray("bodies").addObject().put("value", body).put("contenttype", "text/html");
        return send(
                request(ingest + "/api/partners/" + PARTNER + "/items")
                        .header("X-Api-Key", apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(item.toString())),
                Duration.ofSeconds(30));
    }

    Answer approve(String editorial, String storyId) {
        return afterReading(editorial + "/api/stories/" + storyId, "approve", "");
    }

    Answer correct(String editorial, String storyId) {
        return afterReading(
                editorial + "/api/stories/" + storyId,
                "correct",
                "{\"note\":\"An earlier version misstated the date of the vote.\"}");
    }

    Answer kill(String editorial, String storyId) {
        return afterReading(
                editorial + "/api/stories/" + storyId,
                "kill",
                "{\"reason\":\"The report was withdrawn by its source.\"}");
    }

    /** Composes today's edition (lead with a note, numbered briefs); returns its id. */
    Answer composeEdition(String editorial, String title, String lead, List<String> briefs) {
        ObjectNode edition = JSON.createObjectNode()
                .put("title", title)
                .put("date", LocalDate.now(ZoneOffset.UTC).toString())
                .put("leadStoryId", lead)
                .put("leadNote", "Why we lead with this.");
        briefs.forEach(edition.putArray("briefs")::add);
        edition.putArray("sections").add("Politics");
        return post(editorial + "/api/editions", CHIEF_EDITOR, edition.toString());
    }

    /** Approves the edition for publication at once, or at {@code publishAt} when it is not null. */
    Answer approveEdition(String editorial, String editionId, Instant publishAt) {
        String body = publishAt == null ? "{}" : "{\"publishAt\":\"" + publishAt + "\"}";
        return afterReading(editorial + "/api/editions/" + editionId, "approve", body);
    }

    /** The public home page, as a reader's browser asks for it. */
    Answer homePage(String publish) {
        return send(
                HttpRequest.newBuilder(URI.create(publish + "/"))
                        .header("Accept", "text/html")
                        .GET(),
                Duration.ofSeconds(10));
    }

    /** Double opt-in, as a reader does it: subscribe, open the confirmation email, press the button its link shows. */
    void subscribe(String notify, MailSink mail, String reader) {
        require(
                post(notify + "/api/subscriptions", null, "{\"email\":\"" + reader + "\",\"name\":\"Chaos Reader\"}"),
                "subscribing " + reader);
        MailSink.Mail confirmation = mail.await(MailSink.to(reader), Duration.ofSeconds(60));
        Matcher token = CONFIRM_TOKEN.matcher(confirmation.body());
        if (!token.find()) {
            throw new IllegalStateException("no confirm link in the confirmation email to " + reader);
        }
        require(
                send(
                        request(notify + "/api/subscriptions/confirm?token=" + token.group(1))
                                .POST(HttpRequest.BodyPublishers.noBody()),
                        Duration.ofSeconds(10)),
                "confirming " + reader);
    }

    /** Registers the receiver for every publish event type. */
    void registerWebhook(String notify, String url) {
        require(post(notify + "/api/webhooks", ADMIN, "{\"url\":\"" + url + "\"}"), "registering the webhook");
    }

    /**
     * A chief editor's move on what they just read: editorial requires the ETag read in If-Match. Read again once
     * if the resource changed in between (412), as an editor reloads; a failed read is the answer.
     */
    private Answer afterReading(String resource, String action, String json) {
        Answer answer = null;
        for (int attempt = 0; attempt < 2 && (answer == null || answer.status() == 412); attempt++) {
            Answer read = send(
                    request(resource)
                            .header("Authorization", "Bearer " + CHIEF_EDITOR)
                            .GET(),
                    Duration.ofSeconds(15));
            if (!read.ok() || read.body() == null || !read.body().hasNonNull("etag")) {
                return read;
            }
            answer = send(
                    request(resource + "/" + action)
                            .header("Authorization", "Bearer " + CHIEF_EDITOR)
                            .header("If-Match", read.body().get("etag").asText())
                            .POST(HttpRequest.BodyPublishers.ofString(json)),
                    Duration.ofSeconds(15));
        }
        return answer;
    }

    private Answer post(String url, String token, String json) {
        HttpRequest.Builder request = request(url).POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request, Duration.ofSeconds(15));
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (response.body() != null && response.body().startsWith("{")) {
                body = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), body);
        } catch (IOException noAnswer) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null);
        }
    }

    private static void require(Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " failed: HTTP " + answer.status() + " " + answer.body());
        }
    }
}
