package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/**
 * The editors' desk in Chromium (playwright-core) and in Firefox (puppeteer-core over WebDriver BiDi), each on its
 * own whole pipeline (each service a separate JVM on the real broker and PostgreSQL), signed in with the dev login:
 * an editor finds an ingested story by full-text search and edits it; a second editor's save in between gives her
 * the conflict view with both versions, and nothing is overwritten; she sees no approve button and the API refuses
 * her approval (403); a chief editor approves four stories from the queue; a story is submitted and rejected with a
 * reason, another scheduled and the source's later update of it applied, another published, the source's update of
 * it discarded, corrected and killed, and a cluster's second story made its primary (each read back from the API
 * afterwards); the chief editor composes the day's edition (lead with its note, three briefs found by search),
 * reorders the briefs (by drag and drop in Chromium, with the Move buttons in
 * Firefox, which does not start an HTML drag from WebDriver's pointer; by keyboard in both), previews it through
 * publish's and notify's own templates and approves it, and the composer shows it frozen; the published edition page
 * shows the briefs in that order.
 * The letters inbox shows a reader's letter. Every desk page is checked with axe-core (light and dark in Chromium,
 * light in Firefox) and photographed into {@code e2e/target/browser-reports/}.
 */
@ExtendWith(Browser.Available.class)
class DeskBrowserTest {
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    /** The one summary of two near-duplicate items, which ingest clusters. */
    private static final String CLUSTERED =
            "The last assembly line in the valley stopped on Friday; four hundred jobs go with it.";
    /** Each story's headline and summary, different enough that ingest does not cluster them. */
    private static final Map<String, String> SUMMARIES = Map.of(
            "Tariff talks stall over steel quotas",
            "Negotiators left Brussels without a date to meet again; the quota for rolled steel is the sticking point.",
            "Tariff relief for farmers delayed to spring",
            "The agriculture ministry says the rebate scheme needs a second reading before growers see any money.",
            "Port strike ends after tariff deal on overtime",
            "Dockers return on Monday after the port authority agreed to pay night shifts at the holiday rate.",
            "Tariff revenue beats forecasts for a third month",
            "Customs receipts rose by a tenth against the budget, mostly from levies on imported electronics.",
            "Tariff advisers resign over a data row",
            "Two members of the advisory board quit, saying the trade figures they were shown were incomplete.",
            "Tariff rumour spreads from a trade blog",
            "An anonymous post claimed the deal was signed overnight; no ministry confirms it.",
            "Tariff hearing set for the spring session",
            "The trade committee will question the minister on the deal in March.",
            "Tariff rebate paid late to exporters",
            "Exporters waited eleven weeks for rebates the customs office owed them in October.",
            "Car plant closes after tariff shock",
            CLUSTERED,
            "Car plant closes after the tariff shock",
            CLUSTERED);

    private static final String LEAD = "Tariff talks stall over steel quotas";
    private static final String LEAD_EDITED = "Tariff talks stall as steel quotas divide the bloc";
    private static final List<String> BRIEFS = List.of(
            "Tariff relief for farmers delayed to spring",
            "Port strike ends after tariff deal on overtime",
            "Tariff revenue beats forecasts for a third month");
    private static final String LEFT_WAITING = "Tariff advisers resign over a data row";
    private static final String THEIR_BYLINE = "O. Lind and D. Hale";
    private static final String MY_BYLINE = "E. Rossi";
    private static final String LETTER_FROM = "Ada Lovelace";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String ARRIVING = "Services inflation eases for a second month";
    private static final String REJECTED = "Tariff rumour spreads from a trade blog";
    private static final String SCHEDULED = "Tariff hearing set for the spring session";
    private static final String SCHEDULED_UPDATE =
            "The committee moved the hearing to April and will also call the customs chief.";
    private static final String PUBLISHED = "Tariff rebate paid late to exporters";
    private static final String PUBLISHED_UPDATE = "Exporters say they waited twelve weeks.";
    private static final String CORRECTED_SUMMARY =
            "Exporters waited eleven weeks for rebates the customs office owed them in September.";
    private static final String CLUSTER_PRIMARY = "Car plant closes after tariff shock";
    private static final String CLUSTER_ALTERNATE = "Car plant closes after the tariff shock";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser browser;
    private Newsroom newsroom;
    private String editorialUrl;
    private String ingestUrl;
    private String publishUrl;
    private final Map<String, String> ids = new LinkedHashMap<>();
    /** The source's own id of each item, under which it sends its updates. */
    private final Map<String, String> externalIds = new LinkedHashMap<>();

    @BeforeAll
    static void installTheBrowsers() throws Exception {
        browser = Browser.require();
        ServiceJars.requireFresh(Pipeline.INGEST, Pipeline.EDITORIAL, Pipeline.PUBLISH, Pipeline.NOTIFY);
    }

    /** The whole pipeline, fresh for each browser's day, with the stories of the day ingested. */
    private void startTheNewsroom(Pipeline pipeline) throws Exception {
        Map<String, String> devLogin =
                Map.of("NEWSROOM_DESK_DEV_LOGIN_KEY", devLoginKey().toUri().toString());
        ServiceProcess ingest = pipeline.start(Pipeline.INGEST, Map.of());
        ServiceProcess editorial = pipeline.start(Pipeline.EDITORIAL, devLogin);
        ServiceProcess publish = pipeline.start(Pipeline.PUBLISH, Map.of());
        ServiceProcess notify = pipeline.start(Pipeline.NOTIFY, Map.of());
        for (ServiceProcess service : List.of(ingest, editorial, publish, notify)) {
            service.awaitReady(Duration.ofMinutes(5));
        }
        pipeline.awaitReady();
        editorialUrl = editorial.url();
        ingestUrl = ingest.url();
        publishUrl = publish.url();
        newsroom = new Newsroom(
                new Newsroom.Endpoints(ingest.url(), editorial.url(), publish.url(), notify.url()),
                TestTokens.token("eddie", "editor"),
                TestTokens.token("chris", "chief-editor"),
                null);
        for (String headline : allHeadlines()) {
            externalIds.put(headline, UUID.randomUUID().toString());
            newsroom.pushItem(Newsroom.item(headline, SUMMARIES.get(headline), externalIds.get(headline)), null);
        }
        for (String headline : allHeadlines()) {
            ids.put(
                    headline,
                    String.valueOf(newsroom.awaitStory(headline, PIPELINE).get("id")));
        }
        // The second car-plant item after the first, which then leads their cluster.
        newsroom.pushItem(Newsroom.item(CLUSTER_ALTERNATE, CLUSTERED), null);
        ids.put(
                CLUSTER_ALTERNATE,
                String.valueOf(newsroom.awaitStory(CLUSTER_ALTERNATE, PIPELINE).get("id")));
        Awaitility.await("the car-plant stories clustered")
                .atMost(PIPELINE)
                .until(() -> String.valueOf(story(ids.get(CLUSTER_PRIMARY)).get("alternates"))
                        .contains(ids.get(CLUSTER_ALTERNATE)));
    }

    /** An update of an item from its source: the same item, with this summary. */
    private Map<?, ?> sourceUpdate(String headline, String summary) throws IOException {
        return JSON.readValue(Newsroom.item(headline, summary, externalIds.get(headline)), Map.class);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"chromium", "firefox"})
    void editorsAndAChiefEditorWorkTheDayInTheDesk(String engine) throws Exception {
        browser.requireEngine(engine);
        try (Pipeline pipeline = Pipeline.create("desk_" + engine)) {
            startTheNewsroom(pipeline);
            workTheDay(engine);
        }
    }

    private void workTheDay(String engine) throws Exception {
        List<String> approve = new java.util.ArrayList<>(List.of(LEAD_EDITED));
        approve.addAll(BRIEFS);
        Map<String, Object> stories = Map.of(
                "find",
                "steel quotas",
                "search",
                "tariff",
                "edit",
                Map.of(
                        "id",
                        ids.get(LEAD),
                        "headline",
                        LEAD,
                        "newHeadline",
                        LEAD_EDITED,
                        "note",
                        "Why we lead with it: the quotas decide the spring budget."),
                "conflict",
                Map.of("theirs", THEIR_BYLINE, "mine", MY_BYLINE),
                "arriving",
                Map.of(
                        "item",
                        JSON.readValue(
                                Newsroom.item(ARRIVING, "Inflation in services fell to 3.1 per cent."), Map.class)),
                "approve",
                approve);
        Map<String, Object> lifecycle = Map.of(
                "reject",
                Map.of("id", ids.get(REJECTED), "headline", REJECTED, "reason", "A blog post, not a source."),
                "schedule",
                Map.of(
                        "id",
                        ids.get(SCHEDULED),
                        "headline",
                        SCHEDULED,
                        "at",
                        TODAY.plusDays(2) + "T09:00",
                        "update",
                        sourceUpdate(SCHEDULED, SCHEDULED_UPDATE)),
                "publish",
                Map.of(
                        "id",
                        ids.get(PUBLISHED),
                        "headline",
                        PUBLISHED,
                        "update",
                        sourceUpdate(PUBLISHED, PUBLISHED_UPDATE),
                        "correction",
                        "The rebates were owed in September, not October.",
                        "summary",
                        CORRECTED_SUMMARY,
                        "kill",
                        "The customs office disputes the figures; we are checking them again."),
                "primary",
                Map.of("id", ids.get(CLUSTER_ALTERNATE), "headline", CLUSTER_ALTERNATE));
        String title = "The Daily Brief — " + TODAY;
        Map<String, Object> edition = Map.of(
                "title", title,
                "date", TODAY.toString(),
                "lead", LEAD_EDITED,
                "note", "We lead with the quotas: they decide what the spring budget can promise.",
                "briefs", BRIEFS);
        writeALetter();
        Run run = browser.script(
                "desk.mjs",
                Map.of(
                        "browser",
                        engine,
                        "editorial",
                        editorialUrl,
                        "ingest",
                        ingestUrl,
                        "ingestToken",
                        TestTokens.token("eddie", "editor"),
                        "stories",
                        stories,
                        "lifecycle",
                        lifecycle,
                        "edition",
                        edition,
                        "letter",
                        Map.of("name", LETTER_FROM)),
                Run.class);
        Files.writeString(
                Browser.REPORTS.resolve("desk-" + engine + "-accessibility.txt"),
                run.audits().stream().map(Audit::describe).collect(Collectors.joining("\n")));
        System.out.println("Desk: " + run.browser() + ", steps " + run.steps());
        run.requireCompleted();

        assertEquals(0, ((Number) run.seen().get("editorApproveButtons")).intValue(), "no approve button for editors");
        assertEquals(403, ((Number) run.seen().get("editorApproveStatus")).intValue(), "the API refuses an editor");
        Map<String, Object> lead = story(ids.get(LEAD));
        assertEquals(LEAD_EDITED, lead.get("headline"));
        assertEquals(THEIR_BYLINE, lead.get("byline"), "the second save did not overwrite the first");
        for (String brief : BRIEFS) {
            // Approved, and by now perhaps published: publish-service runs beside.
            assertTrue(
                    Set.of("APPROVED", "PUBLISHED")
                            .contains(story(ids.get(brief)).get("status")),
                    brief);
        }
        assertEquals("NEW", story(ids.get(LEFT_WAITING)).get("status"), "the sentinel: a story nobody approved");
        assertEquals("REJECTED", story(ids.get(REJECTED)).get("status"));
        Map<String, Object> scheduled = story(ids.get(SCHEDULED));
        assertEquals("APPROVED", scheduled.get("status"), "scheduled, so not yet published");
        assertTrue(Instant.parse(String.valueOf(scheduled.get("publishAt"))).isAfter(Instant.now()));
        assertEquals(SCHEDULED_UPDATE, scheduled.get("summary"), "the source's update, applied");
        Map<String, Object> killed = story(ids.get(PUBLISHED));
        assertEquals("KILLED", killed.get("status"));
        assertEquals(CORRECTED_SUMMARY, killed.get("summary"), "corrected; the source's update discarded");
        assertEquals(true, story(ids.get(CLUSTER_ALTERNATE)).get("primary"), "chosen to lead its cluster");
        assertEquals(false, story(ids.get(CLUSTER_PRIMARY)).get("primary"));
        // Dragged the third brief first, then moved the second up by keyboard.
        List<String> order = List.of(BRIEFS.get(2), BRIEFS.get(1), BRIEFS.get(0));
        @SuppressWarnings("unchecked")
        Map<String, String> previews = (Map<String, String>) run.seen().get("previews");
        assertInOrder(previews.get("page"), order, "publish's preview of the edition page");
        assertInOrder(previews.get("newsletter"), order, "notify's preview of the newsletter");
        String published = given().baseUri(publishUrl)
                .get(java.net
                        .URI
                        .create(String.valueOf(
                                newsroom.awaitEdition(title, PIPELINE).get("url")))
                        .getPath())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(published.contains(LEAD_EDITED), "the lead on the published page");
        assertInOrder(published, order, "the published edition page");
        List<String> violations = run.audits().stream()
                .filter(audit -> !audit.violations().isEmpty())
                .map(Audit::describe)
                .toList();
        assertTrue(violations.isEmpty(), "WCAG 2.2 AA violations:\n" + String.join("\n", violations));
        assertTrue(run.console().isEmpty(), "errors in the browser console: " + run.console());
    }

    private static void assertInOrder(String page, List<String> headlines, String where) {
        int previous = -1;
        for (String headline : headlines) {
            int at = page.indexOf(headline);
            assertTrue(at > previous, where + ": \"" + headline + "\" not after the brief before it in " + headlines);
            previous = at;
        }
    }

    /** A reader's letter, not about any one story, for the inbox. */
    private void writeALetter() {
        given().baseUri(editorialUrl)
                .contentType("application/json")
                .body(Map.of(
                        "name", LETTER_FROM,
                        "email", "ada@example.org",
                        "text", "Dear editor,\nthe steel story missed the rail freight angle."))
                .post("/api/feedback/letters")
                .then()
                .statusCode(201);
    }

    private static List<String> allHeadlines() {
        List<String> all = new java.util.ArrayList<>(List.of(LEAD));
        all.addAll(BRIEFS);
        all.addAll(List.of(LEFT_WAITING, REJECTED, SCHEDULED, PUBLISHED, CLUSTER_PRIMARY));
        return all;
    }

    private Map<String, Object> story(String id) {
        return given().baseUri(editorialUrl)
                .auth()
                .oauth2(TestTokens.token("eddie", "editor"))
                .get("/api/stories/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    /** The test key pair's private half, which the dev login signs with (the services verify with the public). */
    private static Path devLoginKey() throws IOException {
        Path key = Path.of("target/desk-dev-login.pem").toAbsolutePath();
        try (InputStream pem = DeskBrowserTest.class.getClassLoader().getResourceAsStream("jwt/test-private.pem")) {
            Files.createDirectories(key.getParent());
            Files.write(key, pem.readAllBytes());
        }
        return key;
    }

    record Run(
            List<Map<String, Object>> steps,
            List<Audit> audits,
            List<Map<String, Object>> console,
            Map<String, Object> seen,
            Failure failed,
            String browser) {
        void requireCompleted() {
            if (failed != null) {
                throw new AssertionError("the desk: step " + failed.step() + " (" + failed.what() + ") failed: "
                        + failed.message() + "\n  on " + failed.url() + "\n  screenshot: " + failed.screenshot()
                        + (console.isEmpty() ? "" : "\n  console errors: " + console));
            }
        }
    }

    record Failure(int step, String what, String message, String url, String screenshot) {}

    record Audit(String page, String url, String screenshot, List<Map<String, Object>> violations) {
        String describe() {
            return page + " (" + url + "): " + (violations.isEmpty() ? "no violations" : violations) + ", "
                    + screenshot;
        }
    }
}
