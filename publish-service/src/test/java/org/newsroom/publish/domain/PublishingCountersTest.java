package org.newsroom.publish.domain;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionLead;
import org.newsroom.events.StoryApproved;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.ManagementPort;

/** Publications published, updated, retracted and editions published are counted in /q/metrics. */
@QuarkusTest
class PublishingCountersTest {
    private static final List<String> COUNTERS = List.of("newsroom_publications_published_total",
            "newsroom_publications_updated_total", "newsroom_publications_retracted_total",
            "newsroom_editions_published_total");

    private static double value(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static Map<String, Double> counters() {
        String metrics = given().baseUri(ManagementPort.url()).when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
        return Map.of(COUNTERS.get(0), value(metrics, COUNTERS.get(0)), COUNTERS.get(1),
                value(metrics, COUNTERS.get(1)), COUNTERS.get(2), value(metrics, COUNTERS.get(2)), COUNTERS.get(3),
                value(metrics, COUNTERS.get(3)));
    }

    @Test
    void everyPublishingOutcomeIsCounted() {
        Map<String, Double> before = counters();
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        StoryApproved story = Stories.approval(storyId, "Counted " + tag, List.of(), null);
        LocalDate date = LocalDate.of(2080, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        try (Stories stories = new Stories()) {
            stories.send(storyId, story);
            stories.send(storyId, Stories.correction(story, "Counted " + tag, "A fix."));
            stories.send(storyId, Stories.kill(storyId, "Withdrawn."));
            stories.send(storyId, new EditionApproved(UUID.randomUUID(), "Counted Brief", date,
                    new EditionLead(storyId, "Lead", "Text.", null, new Attribution("Wire Desk", null), null),
                    List.of(), List.of(), null, "chief@newsroom.local", Instant.now()));
        }
        await().atMost(Stories.WAIT).untilAsserted(() -> {
            Map<String, Double> after = counters();
            for (String counter : COUNTERS) {
                assertTrue(after.get(counter) >= before.get(counter) + 1, counter + ": " + before + " → " + after);
            }
        });
    }
}
