package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/**
 * The readers' site in Chromium, on the whole pipeline (each service a separate JVM on the real broker, PostgreSQL and
 * an SMTP server), with the services' public addresses linked as ops configure them: publish's subscribe box posts
 * to notify, its feedback forms to editorial, which sends the reader back to the site; notify's emails link to its
 * own pages and to the site. A reader does everything in the browser, finding links, fields and buttons by the names
 * the readers' contract gives them; the newsroom's people publish through the APIs ({@link Newsroom}). Every page
 * type is checked with axe-core and photographed at 375 and 1280 px, light and dark, into
 * {@code e2e/target/browser-reports/}.
 */
@ExtendWith(Browser.Available.class)
class ReadersSiteBrowserTest {
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final String PIPELINE_NAME = "browser";
    private static final int PHONE = 375;
    private static final int DESKTOP = 1280;
    private static final String ECONOMY = "Economy";
    private static final String POLITICS = "Politics";
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S*confirm\\S*");
    /** Every page type of the readers' site, in the order a report lists them. */
    private static final List<String> PAGE_TYPES = List.of(
            "home",
            "edition",
            "story",
            "section",
            "archive",
            "archive-day",
            "retraction",
            "not-found",
            "check-inbox",
            "confirm",
            "confirmed",
            "grade-thanks",
            "letter-thanks",
            "preferences",
            "preferences-saved",
            "unsubscribe",
            "unsubscribed");

    private static Browser browser;
    private static Pipeline pipeline;
    private static Newsroom newsroom;
    private static Site site;
    private static Seed seed;
    /** What the audits found so far, by both tests (the journey audits the pages only a reader's actions reach). */
    private static final List<Browser.Audit> AUDITS = new CopyOnWriteArrayList<>();

    private static final List<Browser.External> EXTERNAL = new CopyOnWriteArrayList<>();
    /** The reader's journey, walked once for both tests: its failure, if it failed. */
    private static Throwable journey;

    private static boolean walked;

    /** The public addresses of the site's services, known before they start so that each can link to the others. */
    private record Site(String publish, String editorial, String subscriptions, Map<String, Integer> ports) {
        static Site reserve() throws IOException {
            Map<String, Integer> ports = new HashMap<>();
            for (String service : List.of(Pipeline.PUBLISH, Pipeline.EDITORIAL, Pipeline.NOTIFY)) {
                ports.put(service, ServiceProcess.freePort());
            }
            return new Site(
                    url(ports.get(Pipeline.PUBLISH)),
                    url(ports.get(Pipeline.EDITORIAL)),
                    url(ports.get(Pipeline.NOTIFY)),
                    ports);
        }

        private static String url(int port) {
            return "http://127.0.0.1:" + port;
        }

        /** What every service is told about the site, plus its own port if it is one of the site's. */
        Map<String, String> environment(String service) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "NEWSROOM_SITE_TITLE", "The Daily Brief",
                    "NEWSROOM_PUBLIC_BASE_URL", publish,
                    "NEWSROOM_NOTIFY_BASE_URL", subscriptions,
                    "NEWSROOM_FEEDBACK_URL", editorial));
            if (ports.containsKey(service)) {
                env.put(ServiceProcess.HTTP_PORT, String.valueOf(ports.get(service)));
            }
            return env;
        }

        /** The hosts a page of the site may load from or post to. */
        List<String> hosts() {
            return ports.values().stream().map(port -> "127.0.0.1:" + port).toList();
        }
    }

    /** What the newsroom published before the reader came. */
    private record Seed(
            String leadSlug, String killedSlug, String nextLeadId, String editionUrl, LocalDate editionDate) {}

    @BeforeAll
    static void startTheSite() throws Exception {
        browser = Browser.require();
        ServiceJars.requireFresh(Pipeline.INGEST, Pipeline.EDITORIAL, Pipeline.PUBLISH, Pipeline.NOTIFY);
        site = Site.reserve();
        pipeline = Pipeline.create(PIPELINE_NAME);
        ServiceProcess ingest = pipeline.start(Pipeline.INGEST, site.environment(Pipeline.INGEST));
        ServiceProcess editorial = pipeline.start(Pipeline.EDITORIAL, site.environment(Pipeline.EDITORIAL));
        ServiceProcess publish = pipeline.start(Pipeline.PUBLISH, site.environment(Pipeline.PUBLISH));
        ServiceProcess notify = pipeline.start(Pipeline.NOTIFY, site.environment(Pipeline.NOTIFY));
        // Four JVMs starting at once on a two-core machine busy with the build can take longer than Pipeline's usual
        // wait: give each service its own before the pipeline's own readiness check.
        for (ServiceProcess service : List.of(ingest, editorial, publish, notify)) {
            service.awaitReady(Duration.ofMinutes(5));
        }
        pipeline.awaitReady();
        newsroom = new Newsroom(
                new Newsroom.Endpoints(ingest.url(), editorial.url(), publish.url(), notify.url()),
                TestTokens.token("eddie", "editor"),
                TestTokens.token("chris", "chief-editor"),
                Inbox.of(pipeline.mail()));
        seed = publishYesterday();
    }

    @AfterAll
    static void stopTheSite() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
        if (!AUDITS.isEmpty()) {
            Path report = Browser.REPORTS.resolve("accessibility.txt");
            Files.writeString(
                    report,
                    AUDITS.stream().map(ReadersSiteBrowserTest::describe).collect(Collectors.joining("\n")));
            System.out.println("Readers' site screenshots and accessibility findings: " + Browser.REPORTS);
        }
    }

    /**
     * Yesterday's edition (the lead story with its editor's note, dateline and author's bio, and a brief), a story
     * in each of two sections, one more waiting for today's edition, and a retracted one.
     */
    private static Seed publishYesterday() {
        String lead = story(
                "Freight rates climb as insurers price in the strait",
                ECONOMY,
                Map.of(
                        "summary",
                        List.of(
                                "War-risk premiums for ships crossing the strait rose for a third week, and carriers"
                                        + " are passing the cost on: spot container rates to northern Europe are up"
                                        + " by a fifth since the start of the month.",
                                "Several mid-sized lines now sail around the cape instead, adding nine days to a"
                                        + " typical voyage and tightening the supply of ships elsewhere."),
                        "editorsNote",
                        "We lead with shipping: freight, not oil, is where this reaches importers first.",
                        "dateline",
                        "ROTTERDAM",
                        "authorBio",
                        "D. Hale covers shipping and marine insurance for The Harbor Ledger."));
        String brief = story(
                "Coalition talks resume after the budget vote",
                POLITICS,
                Map.of(
                        "summary",
                        "The three parties met again on Thursday, a day after the budget passed with two votes to"
                                + " spare; the energy levy remains the sticking point."));
        String nextLead = story(
                "Parliament opens an inquiry into port security",
                POLITICS,
                Map.of(
                        "summary",
                        "The transport committee will hear the port authorities and the coast guard next week,"
                                + " after two drone sightings closed the outer harbour for a day."));
        String killedHeadline = "Ministry withdraws its grain export forecast";
        String killed = story(killedHeadline, ECONOMY, Map.of());
        Map<String, Object> leadPublication = newsroom.awaitPublication(lead, PIPELINE);
        Map<String, Object> killedPublication = newsroom.awaitPublication(killed, PIPELINE);
        newsroom.awaitPublication(nextLead, PIPELINE);
        newsroom.awaitPublication(brief, PIPELINE);

        // Only a story editorial knows to be published can be retracted: publish tells it so by an event.
        await().atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> "PUBLISHED"
                        .equals(newsroom.awaitStory(killedHeadline, PIPELINE).get("status")));
        newsroom.kill(killed, "The ministry withdrew the forecast the report was based on.");
        String killedSlug = String.valueOf(killedPublication.get("slug"));
        await().atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> given().baseUri(site.publish())
                                .get("/stories/" + killedSlug)
                                .statusCode()
                        == 410);

        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String title = "The Daily Brief — " + yesterday;
        newsroom.composeAndApproveEdition(edition(title, yesterday, lead, List.of(brief)));
        String editionUrl =
                String.valueOf(newsroom.awaitEdition(title, PIPELINE).get("url"));
        return new Seed(String.valueOf(leadPublication.get("slug")), killedSlug, nextLead, editionUrl, yesterday);
    }

    /** A partner's item, edited into a section and approved: its story id. */
    private static String story(String headline, String section, Map<String, Object> fields) {
        newsroom.pushItem(Newsroom.item(headline), null);
        String id = String.valueOf(newsroom.awaitStory(headline, PIPELINE).get("id"));
        Map<String, Object> edits = new LinkedHashMap<>(fields);
        edits.put("sections", List.of(section));
        newsroom.edit(id, edits);
        newsroom.approve(id, null);
        return id;
    }

    /** Without sections: an edition goes to every reader, whatever their topics. */
    private static Map<String, Object> edition(String title, LocalDate date, String lead, List<String> briefs) {
        Map<String, Object> edition = new LinkedHashMap<>();
        edition.put("title", title);
        edition.put("date", date.toString());
        edition.put("leadStoryId", lead);
        edition.put("briefs", briefs);
        edition.put("leadNote", "Our read of the day, in four minutes.");
        return edition;
    }

    @Test
    void aReaderSubscribesConfirmsReadsGradesWritesChangesTopicsAndUnsubscribesInTheBrowser() throws Throwable {
        walkTheJourney();
        if (journey != null) {
            throw journey;
        }
    }

    @Test
    void everyPageTypeHasNoAccessibilityViolationsInLightAndDarkAt375And1280PixelsAndNothingLeavesTheSite()
            throws Exception {
        Browser.Walk pages = browser.walk(
                "pages",
                site.hosts(),
                DESKTOP,
                Steps.walk()
                        .open(site.publish() + "/")
                        .audit("home")
                        .open(seed.editionUrl())
                        .audit("edition")
                        .open(site.publish() + "/stories/" + seed.leadSlug())
                        .audit("story")
                        .open(site.publish() + "/sections/" + ECONOMY.toLowerCase())
                        .audit("section")
                        .open(site.publish() + "/archive")
                        .audit("archive")
                        .open(site.publish() + "/archive/" + seed.editionDate())
                        .audit("archive-day")
                        .open(site.publish() + "/stories/" + seed.killedSlug())
                        .audit("retraction")
                        .open(site.publish() + "/stories/no-such-story")
                        .audit("not-found"));
        record(pages);
        pages.requireCompleted("the site's pages");
        assertEquals(
                List.of(200, 200, 200, 200, 200, 200, 410, 404),
                pages.visited().stream().map(Browser.Visited::status).toList(),
                "home, edition, story, section, archive, archive day, retraction (410), not found (404): "
                        + pages.visited());

        walkTheJourney();
        List<String> unaudited = PAGE_TYPES.stream()
                .filter(type ->
                        AUDITS.stream().filter(a -> a.page().equals(type)).count() < 4)
                .toList();
        String violations = AUDITS.stream()
                .filter(audit -> !audit.violations().isEmpty())
                .map(ReadersSiteBrowserTest::describe)
                .collect(Collectors.joining("\n"));
        assertTrue(
                violations.isEmpty() && unaudited.isEmpty() && EXTERNAL.isEmpty(),
                (violations.isEmpty() ? "" : "WCAG 2.2 AA violations (axe-core):\n" + violations + "\n")
                        + (unaudited.isEmpty()
                                ? ""
                                : "page types not reached in all four variants: " + unaudited
                                        + (journey == null
                                                ? ""
                                                : " (the reader's journey failed: " + journey.getMessage() + ")")
                                        + "\n")
                        + (EXTERNAL.isEmpty() ? "" : "requests that left the site: " + EXTERNAL)
                        + "\nscreenshots: " + Browser.REPORTS);
        for (Browser.Audit audit : AUDITS) {
            assertTrue(Files.size(Path.of(audit.screenshot())) > 0, "a screenshot of " + audit.variant());
        }
    }

    /** The reader's journey, once for both tests; a failure is kept for both to report. */
    private static synchronized void walkTheJourney() {
        if (walked) {
            return;
        }
        walked = true;
        try {
            readerJourney();
        } catch (AssertionError | Exception e) {
            journey = e;
        }
    }

    /**
     * Home page, the subscribe box with one topic, the confirmation link from the email and its button; the next
     * edition's email, its "Read this edition online" link, a grade and a 4,000-character letter; "Change your
     * topics" from the email, another topic saved; and "Unsubscribe" from the email, with one click.
     */
    private static void readerJourney() throws Exception {
        String reader = "reader-" + UUID.randomUUID() + "@example.org";

        walk(
                "subscribe",
                Steps.walk()
                        .open(site.publish() + "/")
                        .fill("Email address", reader, "#subscribe")
                        .check(ECONOMY, "#subscribe")
                        .press("Subscribe", "#subscribe")
                        .heading("Check your inbox")
                        .audit("check-inbox"));
        Subscriber pending = subscriber(reader);
        assertEquals("PENDING", pending.status(), "subscribed from the box, not yet confirmed");
        assertEquals(List.of("economy"), pending.topicKeys(), "the topic ticked in the box");

        MailSink.Mail confirmation = pipeline.mail().await(MailSink.to(reader), PIPELINE);
        Matcher link = CONFIRM_LINK.matcher(confirmation.body());
        assertTrue(link.find(), "the confirmation email carries its link: " + confirmation.body());
        walk(
                "confirm",
                Steps.walk()
                        .open(link.group())
                        .heading("Confirm your subscription")
                        .audit("confirm")
                        .press("Confirm subscription")
                        .heading("Subscription confirmed")
                        .audit("confirmed"));
        assertEquals("ACTIVE", subscriber(reader).status(), "confirmed by the button");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String title = "The Daily Brief — " + today;
        newsroom.composeAndApproveEdition(edition(title, today, seed.nextLeadId(), List.of()));
        String editionUrl =
                String.valueOf(newsroom.awaitEdition(title, PIPELINE).get("url"));
        MailSink.Mail email = pipeline.mail()
                .await(
                        mail -> mail.isTo(reader)
                                && String.join(" ", mail.subject().split("\\s+"))
                                        .contains(title),
                        PIPELINE);
        assertTrue(email.html() != null, "the edition email has an HTML part");

        String letter = letter(4000);
        Browser.Walk read = walk(
                "edition",
                Steps.walk()
                        .email(email.html())
                        .follow("Read this edition online")
                        .choose("5 –")
                        .press("Send my grade")
                        .heading("Thank you for your grade")
                        .audit("grade-thanks")
                        .open(editionUrl)
                        .fill("Your name", "Ada Reader")
                        .fill("Your email address", reader)
                        .fill("Your letter", letter)
                        .press("Send my letter")
                        .heading("Thank you for your letter")
                        .audit("letter-thanks"));
        assertEquals(editionUrl, read.visited().get(0).url(), "the email's link opens the edition's page");
        assertTrue(
                letters().stream()
                        .anyMatch(l -> reader.equals(l.get("email"))
                                && letter.equals(String.valueOf(l.get("text")).replace("\r\n", "\n"))),
                "the editors received the 4,000-character letter as written (a browser sends its line breaks as"
                        + " CRLF)");

        walk(
                "preferences",
                Steps.walk()
                        .email(email.html())
                        .follow("Change your topics")
                        .heading("Your newsletter")
                        .audit("preferences")
                        .uncheck(ECONOMY, "Topics")
                        .check(POLITICS, "Topics")
                        .press("Save preferences")
                        .heading("Preferences saved")
                        .audit("preferences-saved"));
        assertEquals(List.of("politics"), subscriber(reader).topicKeys(), "the topics as saved");

        walk(
                "unsubscribe",
                Steps.walk()
                        .email(email.html())
                        .follow("Unsubscribe")
                        .heading("Unsubscribe")
                        .audit("unsubscribe")
                        .press("Unsubscribe")
                        .heading("Unsubscribed")
                        .audit("unsubscribed"));
        assertEquals("UNSUBSCRIBED", subscriber(reader).status(), "unsubscribed with one click");
    }

    private static Browser.Walk walk(String name, Steps steps) throws IOException, InterruptedException {
        Browser.Walk walk = browser.walk(name, site.hosts(), PHONE, steps);
        record(walk);
        walk.requireCompleted("the reader's journey (" + name + ")");
        return walk;
    }

    private static void record(Browser.Walk walk) {
        AUDITS.addAll(walk.audits());
        EXTERNAL.addAll(walk.external());
    }

    /** A letter of exactly this many characters, in sentences, as a reader writes at length. */
    private static String letter(int length) {
        StringBuilder text = new StringBuilder("Dear editor,\n\n");
        while (text.length() < length) {
            text.append("Your lead on freight rates explained what the oil price never does. ");
        }
        return text.substring(0, length - 1) + ".";
    }

    private static List<Map<String, Object>> letters() {
        return given().baseUri(site.editorial())
                .auth()
                .oauth2(TestTokens.token("eddie", "editor"))
                .queryParam("limit", 200)
                .when()
                .get("/api/letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    /** A subscriber as notify stored it: status, and the topics' keys (lower case, sorted). */
    private record Subscriber(String status, List<String> topicKeys) {}

    private static Subscriber subscriber(String email) throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        pipeline.backends().jdbcUrl(Pipeline.database(Pipeline.NOTIFY, PIPELINE_NAME)),
                        pipeline.backends().dbUser(),
                        pipeline.backends().dbPassword());
                PreparedStatement query =
                        db.prepareStatement("SELECT status, topics FROM subscriber WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "notify has no subscriber " + email);
                List<String> topics = new ArrayList<>();
                for (String topic : row.getString("topics").split(",")) {
                    if (!topic.isBlank()) {
                        topics.add(topic.strip().toLowerCase());
                    }
                }
                topics.sort(null);
                return new Subscriber(row.getString("status"), topics);
            }
        }
    }

    private static String describe(Browser.Audit audit) {
        if (audit.violations().isEmpty()) {
            return audit.variant() + ": no violations (" + audit.screenshot() + ")";
        }
        return audit.variant() + " (" + audit.url() + ", " + audit.screenshot() + "):\n"
                + audit.violations().stream()
                        .map(v -> "  - " + v.id() + " [" + v.impact() + "] " + v.help() + " (" + v.helpUrl() + ")\n"
                                + v.targets().stream().map(t -> "      " + t).collect(Collectors.joining("\n")))
                        .collect(Collectors.joining("\n"));
    }
}
