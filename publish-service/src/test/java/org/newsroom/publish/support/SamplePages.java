package org.newsroom.publish.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.StoryApproved;
import org.newsroom.publish.domain.Slugs;

/**
 * One page of every type the site has, published once per test run from the seed's sample items
 * ({@code samples/items.json}): the edition as the demo composes it (lead story with image, editor's note, author bio
 * and rights line, then three Takes), a story in a section, a retracted story.
 */
public final class SamplePages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SamplePages published;

    public final String tag;
    public final String section;
    public final String sectionKey;
    /** The lead story's slug. */
    public final String story;

    public final String killed;
    public final LocalDate date;

    private SamplePages(String tag, String story, LocalDate date) {
        this.tag = tag;
        this.section = "Shipping " + tag;
        this.sectionKey = "shipping-" + tag;
        this.story = story;
        this.killed = "retracted-sample-" + tag;
        this.date = date;
    }

    public static synchronized SamplePages published() {
        if (published == null) {
            published = publish();
        }
        return published;
    }

    /** Every page type, by path, with the status it answers. */
    public Map<String, Integer> everyPageType() {
        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("/", 200);
        pages.put("/stories/" + story, 200);
        pages.put("/stories/" + killed, 410);
        pages.put("/stories/no-such-story-" + tag, 404);
        pages.put("/editions/" + date, 200);
        pages.put("/editions/1999-01-01", 404);
        pages.put("/sections/" + sectionKey, 200);
        pages.put("/sections/no-such-section-" + tag, 404);
        pages.put("/archive", 200);
        pages.put("/archive/" + Instant.now().toString().substring(0, 10), 200);
        return pages;
    }

    private static JsonNode samples() {
        try {
            return JSON.readTree(Path.of("..", "samples", "items.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SamplePages publish() {
        JsonNode items = samples();
        LocalDate date =
                LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        List<UUID> ids = new ArrayList<>();
        List<StoryApproved> approvals = new ArrayList<>();
        String tag = Stories.tag();
        for (int i = 0; i < 4; i++) {
            JsonNode item = items.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            approvals.add(new StoryApproved(
                    id,
                    UUID.randomUUID(),
                    item.get("headline").asText() + " " + tag,
                    item.get("summary").asText(),
                    item.get("byline").asText(),
                    new Attribution(
                            item.get("outlet").asText(), item.get("outletUrl").asText()),
                    "chief@newsroom.local",
                    Instant.now(),
                    i == 0 ? "Why we lead with shipping: freight rates move before prices do." : null,
                    List.of("Shipping " + tag),
                    null,
                    i == 0 ? "LONDON" : null,
                    i == 0 ? "https://images.example.org/strait.jpg" : null,
                    i == 0 ? "A tanker in the Strait of Kessa at dawn" : null,
                    i == 0 ? "Photo: R. Sailor" : null,
                    i == 0 ? "© 2026 The Harbor Ledger. All rights reserved." : null,
                    i == 0 ? "Mara Lindqvist covers shipping and marine insurance for The Harbor Ledger." : null,
                    null));
        }
        StoryApproved lead = approvals.get(0);
        List<EditionBrief> briefs = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            StoryApproved brief = approvals.get(i);
            briefs.add(new EditionBrief(
                    i,
                    brief.storyId(),
                    brief.headline(),
                    List.of(brief.summary().split("\n\n")),
                    brief.attribution()));
        }
        EditionApproved edition = new EditionApproved(
                UUID.randomUUID(),
                "The Daily Brief",
                date,
                Stories.lead(lead, lead.editorsNote()),
                briefs,
                List.of("Shipping " + tag),
                null,
                "chief@newsroom.local",
                Instant.now());
        UUID killedId = UUID.randomUUID();
        try (Stories stories = new Stories()) {
            for (StoryApproved approval : approvals) {
                stories.send(approval.storyId(), approval);
            }
            stories.send(killedId, Stories.approval(killedId, "Retracted sample " + tag, List.of(), null));
            stories.send(edition.editionId(), edition);
            Stories.awaitApi("retracted-sample-" + tag, 200);
            stories.send(killedId, Stories.kill(killedId, "Withdrawn by its source."));
            Stories.awaitApi("retracted-sample-" + tag, 410);
        }
        await().atMost(Stories.WAIT)
                .until(() -> given().get("/editions/" + date).statusCode() == 200);
        String story = Slugs.of(lead.headline());
        Stories.awaitApi(story, 200);
        return new SamplePages(tag, story, date);
    }
}
