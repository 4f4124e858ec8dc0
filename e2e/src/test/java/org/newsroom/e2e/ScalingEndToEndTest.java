package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.Databases;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;

/**
 * Independent scaling, shown: two editorial-service and two notify-service instances in the same consumer groups
 * split the partitions between them, and at-least-once delivery across a shared group still yields one story per
 * item and one email per reader per publication.
 */
class ScalingEndToEndTest {
    private static final int ITEMS = 1000;
    private static final int PUBLISHED = 20;
    private static final List<String> READERS =
            List.of("ada-" + UUID.randomUUID() + "@example.org", "ben-" + UUID.randomUUID() + "@example.org");
    private static final Pattern APPLIED = Pattern.compile("newsroom_inbox_events_total\\{([^}]*)\\} ([0-9.eE+]+)");

    private static Pipeline pipeline;
    private static ServiceProcess ingest;
    private static List<ServiceProcess> editorials;
    private static List<ServiceProcess> notifies;
    private static Newsroom newsroom;

    @BeforeAll
    static void startTwoOfEachConsumer() throws Exception {
        ServiceJars.requireFresh(Pipeline.INGEST, Pipeline.EDITORIAL, Pipeline.PUBLISH, Pipeline.NOTIFY);
        pipeline = Pipeline.create("scale");
        ingest = pipeline.start(Pipeline.INGEST);
        editorials = List.of(pipeline.start(Pipeline.EDITORIAL), pipeline.start(Pipeline.EDITORIAL));
        pipeline.start(Pipeline.PUBLISH);
        notifies = List.of(pipeline.start(Pipeline.NOTIFY), pipeline.start(Pipeline.NOTIFY));
        pipeline.awaitReady();
        newsroom = new Newsroom(
                new Newsroom.Endpoints(
                        ingest.url(),
                        editorials.get(0).url(),
                        null,
                        notifies.get(0).url()),
                TestTokens.token("eddie", "editor"),
                TestTokens.token("chris", "chief-editor"),
                Inbox.of(pipeline.mail()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void twoInstancesShareTheWorkWithoutDuplicateStoriesOrEmails() throws Exception {
        READERS.forEach(reader -> assertTrue(
                newsroom.subscribe(reader, "E2E Reader", Duration.ofSeconds(60)),
                "the confirmation email carries a confirm link"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        IntStream.range(0, ITEMS)
                .parallel()
                .forEach(i -> newsroom.pushItem(Newsroom.item("Scale " + run + " #" + i), null));

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count("editorial", "SELECT count(*) FROM story"), n -> n >= ITEMS);
        assertEquals(ITEMS, count("editorial", "SELECT count(DISTINCT item_id) FROM story"));
        assertEquals(ITEMS, count("editorial", "SELECT count(*) FROM story"), "one story per item");
        assertSplit(editorials, "news.item.ingested.v1", ITEMS);

        List<String> stories = storyIds(PUBLISHED);
        for (int i = 0; i < stories.size(); i++) {
            newsroom.withEditorial(editorials.get(i % 2).url()).approve(stories.get(i), null);
        }
        int expected = READERS.size() * PUBLISHED;
        MailSink mail = pipeline.mail();
        awaitNewsletters(mail, expected);
        List<MailSink.Mail> sent = newsletters(mail);
        assertEquals(expected, sent.size(), "one email per reader per publication");
        assertEquals(
                expected,
                sent.stream().map(m -> m.to() + " " + m.subject()).distinct().count());
        assertSplit(notifies, "news.publication.published.v1", PUBLISHED);
    }

    /** On a timeout, says which deliveries are missing and what the notify instances logged about them. */
    private static void awaitNewsletters(MailSink mail, int expected) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> newsletters(mail).size(), n -> n >= expected);
        } catch (ConditionTimeoutException e) {
            List<String> unsent = new ArrayList<>();
            String sql = "SELECT status, attempts, next_attempt_at, last_error FROM delivery WHERE status <> 'SENT'";
            query("notify", sql, rows -> {
                while (rows.next()) {
                    unsent.add(rows.getString(1) + " after " + rows.getInt(2) + " attempt(s), next " + rows.getString(3)
                            + ": " + rows.getString(4));
                }
            });
            List<String> warnings = new ArrayList<>();
            for (ServiceProcess notify : notifies) {
                try (var lines = Files.lines(notify.log())) {
                    lines.filter(line -> line.contains("WARN") || line.contains("ERROR"))
                            .forEach(warnings::add);
                }
            }
            throw new AssertionError(
                    newsletters(mail).size() + " of " + expected + " emails; deliveries not sent: " + unsent
                            + "; notify warnings: " + warnings,
                    e);
        }
    }

    private static List<MailSink.Mail> newsletters(MailSink mail) {
        return mail.settle(m -> m.subject() != null && m.subject().startsWith("Scale "), Duration.ofMillis(200));
    }

    /** Each instance applied part of the events, and together exactly all of them. */
    private static void assertSplit(List<ServiceProcess> instances, String type, int total) {
        List<Integer> applied = new ArrayList<>();
        for (ServiceProcess instance : instances) {
            applied.add(applied(instance, type));
        }
        assertTrue(applied.stream().allMatch(n -> n > 0), "every instance took a share of " + type + ": " + applied);
        assertEquals(total, applied.stream().mapToInt(Integer::intValue).sum(), type + " applied once: " + applied);
    }

    private static int applied(ServiceProcess instance, String type) {
        String metrics = given().baseUri(instance.managementUrl())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher line = APPLIED.matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("type=\"" + type + "\"") && line.group(1).contains("outcome=\"applied\"")) {
                return (int) Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    private static List<String> storyIds(int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        query("editorial", "SELECT id FROM story ORDER BY created_at LIMIT " + limit, rows -> {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        });
        return ids;
    }

    private static int count(String service, String sql) throws SQLException {
        int[] result = new int[1];
        query(service, sql, rows -> {
            rows.next();
            result[0] = rows.getInt(1);
        });
        return result[0];
    }

    private interface Rows {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(String service, String sql, Rows reader) throws SQLException {
        String url =
                "jdbc:postgresql://" + Databases.host() + ":" + Databases.port() + "/newsroom_" + service + "_scale";
        try (Connection connection = DriverManager.getConnection(url, Databases.user(), Databases.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            reader.read(rows);
        }
    }
}
