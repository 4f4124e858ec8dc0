package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;
import org.newsroom.testing.TestTokens;
import org.newsroom.testing.TopicWatcher;

/**
 * The whole pipeline, each service a separate JVM on the real broker, PostgreSQL and an SMTP server: an item pushed
 * into ingest is approved by a chief editor, published, announced on {@code news.publications} and emailed once.
 */
class PipelineEndToEndTest {
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Pipeline pipeline;
    private static MailSink mail;
    private static ServiceProcess ingest;
    private static ServiceProcess editorial;
    private static ServiceProcess publish;
    private static ServiceProcess notify;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = Pipeline.create("e2e");
        mail = pipeline.mail();
        ingest = pipeline.start(Pipeline.INGEST);
        editorial = pipeline.start(Pipeline.EDITORIAL);
        publish = pipeline.start(Pipeline.PUBLISH, Map.of("NEWSROOM_LOG_JSON", "true"));
        notify = pipeline.start(Pipeline.NOTIFY);
        pipeline.awaitReady();
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
        Newsroom.subscribe(notify, mail, reader);

        String headline = "Shipping insurers return to the strait " + UUID.randomUUID();
        try (TopicWatcher editorialEvents = TopicWatcher.open(Topics.EDITORIAL);
                TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            Newsroom.pushItem(ingest, headline);
            String storyId = awaitStory(headline);
            Newsroom.approve(editorial, storyId);

            ConsumerRecord<String, String> published = publications.await(
                    r -> r.value().contains(storyId), PIPELINE);
            assertEquals("news.publication.published.v1", TopicWatcher.header(published, "ce_type"));
            PublicationPublished event = EventCodec.decode(published.value(), PublicationPublished.class);
            assertEquals(headline, event.headline());
            assertEquals(event.publicationId().toString(), published.key());
            given().baseUri(publish.url()).when().get("/stories/" + event.slug())
                    .then().statusCode(200).contentType(ContentType.HTML);

            MailSink.Mail email = mail.await(MailSink.to(reader, headline), PIPELINE);
            assertEquals(true, email.body().contains(event.url()), "the email links to the published story");

            replay(editorialEvents.await(r -> storyId.equals(r.key()), PIPELINE));

            assertEquals(1, publications.drain(r -> r.value().contains(storyId), Duration.ofSeconds(8)).size(),
                    "a replayed approval publishes nothing new");
            assertEquals(1, mail.settle(MailSink.to(reader, headline), Duration.ofSeconds(4)).size(),
                    "a replayed approval emails nobody twice");
            List<String> slugs = given().baseUri(publish.url()).when().get("/api/publications?limit=200")
                    .then().statusCode(200).extract().jsonPath().getList("findAll { it.storyId == '" + storyId
                            + "' }.slug");
            assertEquals(List.of(event.slug()), slugs);
        }
    }

    /**
     * One item's journey is two traces: its ingestion (the partner's push) and its approval (the chief editor's
     * request), which publish and notify continue. Both requests come with a traceparent, as from a traced client;
     * its trace id must be on every event that follows from it, whatever the sampling.
     */
    @Test
    void traceContextTravelsWithEveryEvent() {
        String reader = "reader-" + UUID.randomUUID() + "@example.org";
        Newsroom.subscribe(notify, mail, reader);
        String headline = "Grain corridor reopens after talks " + UUID.randomUUID();
        String ingestion = traceId();
        String approval = traceId();
        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS);
                TopicWatcher editorialEvents = TopicWatcher.open(Topics.EDITORIAL);
                TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                TopicWatcher deliveries = TopicWatcher.open(Topics.DELIVERIES)) {
            Newsroom.pushItem(ingest, headline, traceparent(ingestion));
            assertEquals(ingestion, traceIdOf(items.await(r -> r.value().contains(headline), PIPELINE)));

            String storyId = awaitStory(headline);
            Newsroom.approve(editorial, storyId, traceparent(approval));
            assertEquals(approval, traceIdOf(editorialEvents.await(r -> storyId.equals(r.key()), PIPELINE)));
            ConsumerRecord<String, String> published = publications.await(r -> r.value().contains(storyId), PIPELINE);
            assertEquals(approval, traceIdOf(published));
            assertLogged(publish, "Applied news.story.approved.v1", Map.of("storyId", storyId, "traceId", approval));
            assertEquals(approval, traceIdOf(deliveries.await(r -> r.value().contains(published.key()), PIPELINE)));
        }
    }

    /** A JSON log line (NEWSROOM_LOG_JSON) with the message, whose MDC names the story and the trace. */
    private static void assertLogged(ServiceProcess service, String message, Map<String, String> mdc) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<String> lines = Files.lines(service.log())) {
                assertTrue(lines.filter(line -> line.startsWith("{")).map(PipelineEndToEndTest::json)
                        .filter(line -> line.path("message").asText().startsWith(message))
                        .anyMatch(line -> mdc.entrySet().stream().allMatch(
                                e -> e.getValue().equals(line.path("mdc").path(e.getKey()).asText()))),
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

    private static String awaitStory(String headline) {
        String editor = TestTokens.token("erin", "editor");
        return await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(
                () -> given().baseUri(editorial.url()).auth().oauth2(editor)
                        .when().get("/api/stories?status=NEW&limit=200")
                        .then().statusCode(200).extract().jsonPath()
                        .<String>get("find { it.headline == '" + headline + "' }.id"),
                id -> id != null);
    }

    /** At-least-once delivery, simulated: the approval again with its own event id, then as a re-emission. */
    private static void replay(ConsumerRecord<String, String> approval) {
        try (CloudEventRecords records = new CloudEventRecords()) {
            String type = TopicWatcher.header(approval, "ce_type");
            records.send(Topics.EDITORIAL, approval.key(), TopicWatcher.header(approval, "ce_id"), type,
                    approval.value());
            records.send(Topics.EDITORIAL, approval.key(), type, approval.value());
        }
    }
}
