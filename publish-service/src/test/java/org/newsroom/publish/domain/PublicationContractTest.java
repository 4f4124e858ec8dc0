package org.newsroom.publish.domain;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EventType;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.Topics;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.TopicWatcher;

/**
 * A downstream consumer's view: every event publish-service emits on news.publications during a scenario (approval,
 * correction, kill, edition) validates against the JSON Schema its {@code ce_type} names, as shipped in the events
 * module, with format assertions (uuid, uri, date-time) on.
 */
@QuarkusTest
class PublicationContractTest {
    private static final String SOURCE = "urn:newsroom:publish-service";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static JsonSchema schemaOf(String ceType) throws Exception {
        EventType type = EventType.ofType(ceType).orElseThrow(() -> new AssertionError("unknown type " + ceType));
        try (InputStream schema = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(schema, STRICT);
        }
    }

    private static Set<ValidationMessage> validate(ConsumerRecord<String, String> record) throws Exception {
        return schemaOf(TopicWatcher.header(record, "ce_type")).validate(JSON.readTree(record.value()));
    }

    @Test
    void schemaValidationCatchesABrokenPayload() throws Exception {
        JsonNode broken = JSON.readTree("{\"publicationId\":\"not-a-uuid\",\"slug\":\"x\"}");
        assertFalse(schemaOf(EventType.PUBLICATION_PUBLISHED.type())
                .validate(broken)
                .isEmpty());
    }

    @Test
    void everyEmittedEventMatchesItsSchema() throws Exception {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        StoryApproved story = Stories.approval(storyId, "Contract check " + tag, List.of("Markets"), null);
        UUID briefId = UUID.randomUUID();
        LocalDate date =
                LocalDate.of(2060, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        EditionApproved edition = new EditionApproved(
                UUID.randomUUID(),
                "Contract Brief",
                date,
                new EditionLead(
                        storyId,
                        story.headline(),
                        story.summary(),
                        story.byline(),
                        story.attribution(),
                        story.editorsNote()),
                List.of(new EditionBrief(
                        1,
                        briefId,
                        "Rates on hold",
                        List.of("The bank waited."),
                        new Attribution("The Harbor Ledger", null))),
                List.of("Markets"),
                null,
                "chief@newsroom.local",
                Instant.now());

        try (TopicWatcher publications = TopicWatcher.open(Topics.PUBLICATIONS);
                Stories stories = new Stories()) {
            stories.send(storyId, story);
            stories.send(briefId, Stories.approval(briefId, "Contract brief " + tag, List.of(), null));
            Stories.awaitApi("contract-check-" + tag, 200);
            stories.send(edition.editionId(), edition);
            stories.send(storyId, Stories.correction(story, "Contract check corrected " + tag, "A fix."));
            await().atMost(Stories.WAIT)
                    .until(() -> Stories.awaitApi("contract-check-" + tag, 200)
                                    .jsonPath()
                                    .getInt("version")
                            == 2);
            stories.send(storyId, Stories.kill(storyId, "Withdrawn."));
            Stories.awaitApi("contract-check-" + tag, 410);
            // The last event of each aggregate: a partition is read in order, so everything before it was read too.
            publications.await(Stories.event(EventType.PUBLICATION_RETRACTED, storyId), Stories.WAIT);
            publications.await(Stories.event(EventType.PUBLICATION_PUBLISHED, briefId), Stories.WAIT);
            publications.await(r -> edition.editionId().toString().equals(r.key()), Stories.WAIT);

            List<ConsumerRecord<String, String>> emitted =
                    publications.drain(r -> SOURCE.equals(TopicWatcher.header(r, "ce_source")), Duration.ZERO);
            Set<String> types =
                    emitted.stream().map(r -> TopicWatcher.header(r, "ce_type")).collect(Collectors.toSet());
            assertTrue(
                    types.containsAll(Set.of(
                            EventType.PUBLICATION_PUBLISHED.type(),
                            EventType.PUBLICATION_UPDATED.type(),
                            EventType.PUBLICATION_RETRACTED.type(),
                            EventType.EDITION_PUBLISHED.type())),
                    "the scenario emits every type: " + types);
            for (ConsumerRecord<String, String> record : emitted) {
                assertEquals(
                        Set.of(),
                        validate(record),
                        () -> TopicWatcher.header(record, "ce_type") + " " + record.value());
                assertEquals("1.0", TopicWatcher.header(record, "ce_specversion"));
                JsonNode payload = JSON.readTree(record.value());
                String id = payload.has("publicationId")
                        ? payload.get("publicationId").asText()
                        : payload.get("editionId").asText();
                assertEquals(id, record.key(), "keyed by the aggregate id");
            }
        }
    }
}
