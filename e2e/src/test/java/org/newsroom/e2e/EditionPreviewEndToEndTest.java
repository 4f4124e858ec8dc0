package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/**
 * The desk's previews of a draft edition, each service a separate JVM: editorial builds the snapshot, publish renders
 * its edition page and notify its newsletter email through their own templates, and nothing is published.
 */
class EditionPreviewEndToEndTest {
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"(/assets/[^\"]+)\">");
    private static Pipeline pipeline;
    private static ServiceProcess editorial;
    private static ServiceProcess publish;
    private static Newsroom newsroom;

    @BeforeAll
    static void startPipeline() throws Exception {
        ServiceJars.requireFresh(Pipeline.INGEST, Pipeline.EDITORIAL, Pipeline.PUBLISH, Pipeline.NOTIFY);
        pipeline = Pipeline.create("preview");
        // one at a time: four JVMs starting at once on a small, busy machine can outlast the readiness wait
        ServiceProcess ingest = pipeline.start(Pipeline.INGEST);
        pipeline.awaitReady();
        editorial = pipeline.start(Pipeline.EDITORIAL);
        pipeline.awaitReady();
        publish = pipeline.start(Pipeline.PUBLISH);
        pipeline.awaitReady();
        ServiceProcess notify = pipeline.start(Pipeline.NOTIFY);
        pipeline.awaitReady();
        newsroom = new Newsroom(
                new Newsroom.Endpoints(ingest.url(), editorial.url(), publish.url(), notify.url()),
                TestTokens.token("eddie", "editor"),
                TestTokens.token("chris", "chief-editor"),
                Inbox.of(pipeline.mail()));
    }

    @AfterAll
    static void stopPipeline() throws InterruptedException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aDraftEditionIsPreviewedAsPublishsPageAndNotifysEmailInItsOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> headlines = List.of(
                "Preview lead " + tag,
                "Preview take one " + tag,
                "Preview take two " + tag,
                "Preview take three " + tag);
        List<String> ids = new ArrayList<>();
        for (String headline : headlines) {
            newsroom.pushItem(Newsroom.item(headline), null);
        }
        for (String headline : headlines) {
            String id = String.valueOf(newsroom.awaitStory(headline, PIPELINE).get("id"));
            newsroom.approve(id, null);
            ids.add(id);
        }
        String title = "Preview Brief " + tag;
        String note = "Why we lead with it, " + tag + ".";
        Map<String, Object> edition = new LinkedHashMap<>();
        edition.put("title", title);
        edition.put("date", "2026-12-05");
        edition.put("leadStoryId", ids.get(0));
        // the takes in an order of the editor's, not the stories'
        edition.put("briefs", List.of(ids.get(3), ids.get(1), ids.get(2)));
        edition.put("leadNote", note);
        String id = String.valueOf(newsroom.composeEdition(edition).get("id"));

        String page = newsroom.preview(id, "page")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("X-Frame-Options", "SAMEORIGIN")
                .extract()
                .asString();
        assertInOrder(
                page,
                "<h1>" + title + "</h1>",
                "<h2 id=\"lead-heading\">",
                headlines.get(0),
                "Editor's note</h3>",
                "<p>" + note + "</p>",
                "<h3>" + headlines.get(3) + " <span class=\"source\">",
                "<h3>" + headlines.get(1) + " <span class=\"source\">",
                "<h3>" + headlines.get(2) + " <span class=\"source\">");
        Matcher stylesheet = STYLESHEET.matcher(page);
        assertTrue(stylesheet.find(), "the page links the theme's stylesheet: " + page);
        given().baseUri(editorial.url())
                .when()
                .get(stylesheet.group(1))
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"));

        String email = newsroom.preview(id, "newsletter")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .extract()
                .asString();
        assertInOrder(
                email,
                "<h1 style=\"font-size: 1.4em;\">" + title + "</h1>",
                "\">" + headlines.get(0) + "</a></h2>",
                "<strong>Editor's note:</strong> " + note,
                "<h3>" + headlines.get(3) + "</h3>",
                "<h3>" + headlines.get(1) + "</h3>",
                "<h3>" + headlines.get(2) + "</h3>",
                "/api/subscriptions/unsubscribe?token=preview\"");

        // a preview publishes nothing: the edition is still a draft, and publish has no edition of that title
        assertFalse(
                given().baseUri(publish.url())
                        .when()
                        .get("/api/editions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                        .contains(title),
                "no edition published");
    }

    private static void assertInOrder(String html, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = html.indexOf(part, from);
            assertTrue(at >= 0, "\"" + part + "\" after position " + from + " in:\n" + html);
            from = at + part.length();
        }
    }
}
