package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.StoryApproved;
import org.newsroom.publish.support.Stories;
import org.newsroom.testing.HtmlChecker;

/**
 * Every kind of public page passes the Nu HTML Checker (the engine behind validator.w3.org/nu) without an error. The
 * sitemaps and robots.txt are not HTML: DiscoveryTest parses them.
 */
@QuarkusTest
class HtmlValidityTest {
    private static void assertValid(String path, int status) throws Exception {
        String html =
                given().when().get(path).then().statusCode(status).extract().asString();
        HtmlChecker.assertValid(path, html);
    }

    @Test
    void validatorCatchesInvalidHtml() throws Exception {
        assertEquals(
                1,
                HtmlChecker.errors("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head>"
                                + "<body><img src=\"a.png\"></body></html>")
                        .size(),
                "an image without alt is an error");
    }

    @Test
    void everyKindOfPageIsValid() throws Exception {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        UUID killedId = UUID.randomUUID();
        UUID briefId = UUID.randomUUID();
        StoryApproved story = Stories.approval(storyId, "Valid page " + tag, List.of("Geopolitics"), null);
        LocalDate date =
                LocalDate.of(2050, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        EditionApproved edition = new EditionApproved(
                UUID.randomUUID(),
                "Morning Briefing",
                date,
                Stories.lead(story, story.editorsNote()),
                List.of(new EditionBrief(
                        1,
                        briefId,
                        "Rates on hold",
                        List.of("The bank waited."),
                        new Attribution("The Harbor Ledger", "https://example.org/ledger"))),
                List.of("Geopolitics"),
                null,
                "chief@newsroom.local",
                Instant.now());
        try (Stories stories = new Stories()) {
            stories.send(storyId, story);
            stories.send(briefId, Stories.approval(briefId, "Rates on hold " + tag, List.of(), null));
            stories.send(killedId, Stories.approval(killedId, "Killed page " + tag, List.of(), null));
            stories.send(edition.editionId(), edition);
            Stories.awaitApi("killed-page-" + tag, 200);
            stories.send(killedId, Stories.kill(killedId, "Withdrawn by its source."));
            Stories.awaitApi("killed-page-" + tag, 410);
        }
        try (Stories stories = new Stories()) {
            stories.send(storyId, Stories.correction(story, story.headline(), "An earlier version misnamed a city."));
        }
        await().atMost(Stories.WAIT)
                .until(() ->
                        Stories.awaitApi("valid-page-" + tag, 200).jsonPath().getInt("version") == 2);
        await().atMost(Stories.WAIT)
                .until(() -> given().get("/editions/" + date).statusCode() == 200);

        assertValid("/stories/valid-page-" + tag, 200);
        assertValid("/stories/killed-page-" + tag, 410);
        assertValid("/stories/no-such-story", 404);
        assertValid("/editions/1999-01-01", 404);
        assertValid("/sections/no-such-section-" + tag, 404);
        assertValid("/editions/" + date, 200);
        assertValid("/", 200);
        assertValid("/sections/geopolitics", 200);
        assertValid("/archive", 200);
        assertValid("/archive?page=" + ArchivePage.MAX_PAGE, 200);
        assertValid("/archive/" + Instant.now().toString().substring(0, 10), 200);
    }
}
