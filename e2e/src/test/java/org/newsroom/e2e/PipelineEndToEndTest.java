package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;
import org.newsroom.testing.TopicWatcher;

/**
 * The whole pipeline, each service a separate JVM on the real broker, PostgreSQL and an SMTP server: an item pushed
 * into ingest is approved by a chief editor, published (its page showing the story), announced on
 * {@code news.publications} and emailed once. The steps are the people's ({@link Newsroom}), the same as the demo's.
 */
class PipelineEndToEndTest {
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHED = "news.publication.published.v1";
    private static final String UPDATED = "news.publication.updated.v1";
    private static final Pattern APPLIED = Pattern.compile("newsroom_inbox_events_total\\{([^}]*)\\} ([0-9.eE+]+)");
    private static Pipeline pipeline;
    private static MailSink mail;
    private static ServiceProcess ingest;
    private static ServiceProcess editorial;
    private static ServiceProcess publish;
    private static ServiceProcess notify;
    private static Newsroom newsroom;

    @BeforeAll
    static void startPipeline() throws Exception {
        ServiceJars.requireFresh(Pipeline.INGEST, Pipeline.EDITORIAL, Pipeline.PUBLISH, Pipeline.NOTIFY);
        pipeline = Pipeline.create("e2e");
        mail = pipeline.mail();
        ingest = pipeline.start(Pipeline.INGEST);
        editorial = pipeline.start(Pipeline.EDITORIAL);
        publish = pipeline.start(Pipeline.PUBLISH, Map.of("NEWSROOM_LOG_JSON", "true"));
        notify = pipeline.start(Pipeline.NOTIFY);
        pipeline.awaitReady();
        newsroom = new Newsroom(
                new Newsroom.Endpoints(ingest.url(), editorial.url(), publish.url(), notify.url()),
                TestTokens.token("eddie", "editor"),
                TestTokens.token("chris", "chief-editor"),
                Inbox.of(mail));
    }

    @AfterAll
    static void stopPipeline() throws InterruptedException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void pushedItemIsPublishedAndEmailedOnceEvenWhenItsApprovalIsReplayed() {
        String reader = "reader-" + UUID.randomUUID() + "@example.org";
        subscribe(reader);

        String headline = "Shipping insurers return to the strait " + UUID.randomUUID();
        try (TopicWatcher editorialEvents = TopicWatcher.open(Topics.EDITORIAL);
                TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            newsroom.pushItem(Newsroom.item(headline), null);
            String storyId = storyId(headline);
            newsroom.approve(storyId, null);

            ConsumerRecord<String, String> published =
                    publications.await(r -> r.value().contains(storyId), PIPELINE);
            assertEquals(PUBLISHED, TopicWatcher.header(published, "ce_type"));
            PublicationPublished event = EventCodec.decode(published.value(), PublicationPublished.class);
            assertEquals(headline, event.headline());
            assertEquals(event.publicationId().toString(), published.key());
            String page = newsroom.storyPage(event.slug());
            assertTrue(page.contains("<h1>" + headline + "</h1>"), "the story page shows the headline: " + page);
            assertTrue(page.contains("<p class=\"byline\">By D. Hale</p>"), "the story page shows the byline: " + page);
            assertTrue(
                    page.contains("— <a href=\"https://example.org\">The Harbor Ledger</a>"),
                    "the story page credits the outlet, linked: " + page);

            Inbox.Mail email = newsroom.awaitMail(reader, m -> headline.equals(m.subject()), PIPELINE);
            assertTrue(email.body().contains(event.url()), "the email links to the published story");

            ConsumerRecord<String, String> approval = editorialEvents.await(r -> storyId.equals(r.key()), PIPELINE);
            int notifiedUpdates = applied(notify, UPDATED);
            replay(approval);

            // Proof that the replays were processed, not a wait: publish and notify read the story's events in order,
            // so once the correction sent after the replays has taken effect, so have the replays.
            publications.await(
                    r -> UPDATED.equals(TopicWatcher.header(r, "ce_type"))
                            && r.value().contains(storyId),
                    PIPELINE);
            assertEquals(
                    1,
                    publications
                            .awaitCount(
                                    r -> PUBLISHED.equals(TopicWatcher.header(r, "ce_type"))
                                            && r.value().contains(storyId),
                                    1,
                                    Duration.ZERO)
                            .size(),
                    "a replayed approval publishes nothing new");
            await().atMost(PIPELINE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> applied(notify, UPDATED) > notifiedUpdates);
            assertEquals(
                    1, mail.messages(MailSink.to(reader, headline)).size(), "a replayed approval emails nobody twice");
            List<String> slugs = given().baseUri(publish.url())
                    .when()
                    .get("/api/publications?limit=200")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("findAll { it.storyId == '" + storyId + "' }.slug");
            assertEquals(List.of(event.slug()), slugs);
        }
    }

    /**
     * The demo's walk ({@code ./newsroom demo}) on this pipeline: sample items in, four stories approved, the edition
     * composed and approved, the reader's emails of the lead story and the edition out.
     */
    @Test
    void theDemoWalksThroughThePipeline() throws Exception {
        new Demo(newsroom, publish.url()).run(Path.of(System.getProperty("newsroom.root", ".."), "samples/items.json"));

        String lead = new ObjectMapper()
                .readTree(Path.of(System.getProperty("newsroom.root", ".."), "samples/items.json")
                        .toFile())
                .get(0)
                .path("headline")
                .asText();
        assertEquals(1, mail.messages(MailSink.to("reader@example.org", lead)).size(), "the lead story, emailed");
        assertTrue(
                mail.messages(MailSink.to("reader@example.org")).stream()
                        .anyMatch(m -> m.subject().startsWith("The Daily Brief — ")),
                "the edition, emailed");
    }

    /**
     * One item's journey is two traces: its ingestion (the partner's push) and its approval (the chief editor's
     * request), which publish and notify continue. Both requests come with a traceparent, as from a traced client;
     * its trace id must be on every event that follows from it, whatever the sampling.
     */
    @Test
    void traceContextTravelsWithEveryEvent() {
        String reader = "reader-" + UUID.randomUUID() + "@example.org";
        subscribe(reader);
        String headline = "Grain corridor reopens after talks " + UUID.randomUUID();
        String ingestion = traceId();
        String approval = traceId();
        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS);
                TopicWatcher editorialEvents = TopicWatcher.open(Topics.EDITORIAL);
                TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                TopicWatcher deliveries = TopicWatcher.open(Topics.DELIVERIES)) {
            newsroom.pushItem(Newsroom.item(headline), traceparent(ingestion));
            assertEquals(ingestion, traceIdOf(items.await(r -> r.value().contains(headline), PIPELINE)));

            String storyId = storyId(headline);
            newsroom.approve(storyId, traceparent(approval));
            assertEquals(approval, traceIdOf(editorialEvents.await(r -> storyId.equals(r.key()), PIPELINE)));
            ConsumerRecord<String, String> published =
                    publications.await(r -> r.value().contains(storyId), PIPELINE);
            assertEquals(approval, traceIdOf(published));
            assertLogged(publish, "Applied news.story.approved.v1", Map.of("storyId", storyId, "traceId", approval));
            assertEquals(approval, traceIdOf(deliveries.await(r -> r.value().contains(published.key()), PIPELINE)));
        }
    }

    /** A JSON log line (NEWSROOM_LOG_JSON) with the message, whose MDC names the story and the trace. */
    private static void assertLogged(ServiceProcess service, String message, Map<String, String> mdc) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<String> lines = Files.lines(service.log())) {
                assertTrue(
                        lines.filter(line -> line.startsWith("{"))
                                .map(PipelineEndToEndTest::json)
                                .filter(line -> line.path("message").asText().startsWith(message))
                                .anyMatch(line -> mdc.entrySet().stream()
                                        .allMatch(e -> e.getValue()
                                                .equals(line.path("mdc")
                                                        .path(e.getKey())
                                                        .asText()))),
                        "a JSON log line '" + message + "…' with MDC " + mdc + " in " + service.log());
            }
        });
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Not sampled (flags 00): the context must travel even when no span is recorded. */
    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + traceId.substring(0, 16) + "-00";
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        return TopicWatcher.header(record, "traceparent").split("-")[1];
    }

    private static void subscribe(String reader) {
        assertTrue(newsroom.subscribe(reader, "E2E Reader", PIPELINE), "the confirmation email carries a confirm link");
    }

    private static String storyId(String headline) {
        return String.valueOf(newsroom.awaitStory(headline, PIPELINE).get("id"));
    }

    /** How many events of the type the instance's inbox applied (its newsroom_inbox_events_total counter). */
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

    /**
     * At-least-once delivery, simulated: the approval again with its own event id, then as a re-emission; then, on the
     * same key (so the same partition, after them), the sentinel: a correction of the story, whose effects (an update
     * on {@code news.publications}, applied by notify) show that everything before it was processed.
     */
    private static void replay(ConsumerRecord<String, String> approval) {
        StoryApproved approved = EventCodec.decode(approval.value(), StoryApproved.class);
        StoryCorrected correction = new StoryCorrected(
                approved.storyId(),
                approved.itemId(),
                approved.headline(),
                approved.summary(),
                approved.byline(),
                approved.attribution(),
                approved.editorsNote(),
                "Sentinel: sent after the replayed approvals.",
                "e2e",
                Instant.now());
        try (CloudEventRecords records = new CloudEventRecords()) {
            String type = TopicWatcher.header(approval, "ce_type");
            records.send(
                    Topics.EDITORIAL, approval.key(), TopicWatcher.header(approval, "ce_id"), type, approval.value());
            records.send(Topics.EDITORIAL, approval.key(), type, approval.value());
            records.send(Topics.EDITORIAL, approval.key(), "news.story.corrected.v1", EventCodec.encode(correction));
        }
    }
}
