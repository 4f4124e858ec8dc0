package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
        publish = pipeline.start(Pipeline.PUBLISH);
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
