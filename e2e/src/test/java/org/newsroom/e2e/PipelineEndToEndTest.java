package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.Topics;
import org.newsroom.testing.Broker;
import org.newsroom.testing.CloudEventRecords;
import org.newsroom.testing.MailSink;
import org.newsroom.testing.TestTokens;
import org.newsroom.testing.TopicWatcher;

/**
 * The whole pipeline, each service a separate JVM on the real broker, PostgreSQL and an SMTP server: an item pushed
 * into ingest is approved by a chief editor, published, announced on {@code news.publications} and emailed once.
 */
class PipelineEndToEndTest {
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static MailSink mail;
    private static ServiceProcess ingest;
    private static ServiceProcess editorial;
    private static ServiceProcess publish;
    private static ServiceProcess notify;

    @BeforeAll
    static void startPipeline() throws Exception {
        Path root = Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
        Databases.recreate("newsroom_ingest_e2e", "newsroom_editorial_e2e", "newsroom_publish_e2e",
                "newsroom_notify_e2e");
        mail = MailSink.start();
        Path publicKey = Files.createTempFile("newsroom-e2e", ".pem");
        Files.writeString(publicKey, TestTokens.publicKeyPem(), StandardCharsets.UTF_8);

        ingest = start(root, "ingest-service", "newsroom_ingest_e2e", Map.of());
        editorial = start(root, "editorial-service", "newsroom_editorial_e2e", Map.of(
                "NEWSROOM_JWT_PUBLIC_KEY", publicKey.toUri().toString(),
                "MP_MESSAGING_INCOMING_ITEMS_GROUP_ID", "editorial-service-e2e"));
        publish = start(root, "publish-service", "newsroom_publish_e2e", Map.of(
                "MP_MESSAGING_INCOMING_EDITORIAL_GROUP_ID", "publish-service-e2e"));
        notify = start(root, "notify-service", "newsroom_notify_e2e", Map.of(
                "NEWSROOM_SMTP_HOST", mail.host(),
                "NEWSROOM_SMTP_PORT", String.valueOf(mail.port()),
                "MP_MESSAGING_INCOMING_PUBLICATIONS_GROUP_ID", "notify-service-e2e"));
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    private static ServiceProcess start(Path root, String name, String database, Map<String, String> extra)
            throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("NEWSROOM_DB_NAME", database);
        env.put("NEWSROOM_DB_HOST", Databases.host());
        env.put("NEWSROOM_DB_PORT", Databases.port());
        env.put("NEWSROOM_DB_USER", Databases.user());
        env.put("NEWSROOM_DB_PASSWORD", Databases.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", Broker.bootstrapServers());
        ServiceProcess service = ServiceProcess.start(root, name, env);
        SERVICES.add(service);
        return service;
    }

    @AfterAll
    static void stopPipeline() throws InterruptedException {
        for (ServiceProcess service : SERVICES) {
            service.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void pushedItemIsPublishedAndEmailedOnceEvenWhenItsApprovalIsReplayed() {
        String reader = "reader-" + UUID.randomUUID() + "@example.org";
        subscribe(reader);

        String headline = "Shipping insurers return to the strait " + UUID.randomUUID();
        try (TopicWatcher editorialEvents = TopicWatcher.open(Topics.EDITORIAL);
                TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS)) {
            pushItem(headline);
            String storyId = approve(awaitStory(headline));

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

    private static void subscribe(String reader) {
        given().baseUri(notify.url()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + reader + "\",\"name\":\"E2E Reader\"}")
                .when().post("/api/subscriptions").then().statusCode(202);
        MailSink.Mail confirmation = mail.await(MailSink.to(reader), PIPELINE);
        Matcher token = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)").matcher(confirmation.body());
        assertEquals(true, token.find(), "the confirmation email carries a confirm link");
        given().baseUri(notify.url()).queryParam("token", token.group(1))
                .when().get("/api/subscriptions/confirm").then().statusCode(200);
    }

    private static void pushItem(String headline) {
        given().baseUri(ingest.url()).contentType(ContentType.JSON)
                .body("""
                        {"source":"wire-desk","externalId":"%s","url":"https://example.org/%s",
                         "headline":"%s","summary":"Premiums fell for the first time this year.",
                         "byline":"D. Hale","outlet":"The Harbor Ledger","outletUrl":"https://example.org"}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID(), headline))
                .when().post("/api/items").then().statusCode(201);
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

    private static String approve(String storyId) {
        given().baseUri(editorial.url()).auth().oauth2(TestTokens.token("chris", "chief-editor"))
                .when().post("/api/stories/" + storyId + "/approve").then().statusCode(200);
        return storyId;
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
