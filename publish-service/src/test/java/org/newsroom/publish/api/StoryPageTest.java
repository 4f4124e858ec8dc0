package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.publish.support.Stories;

/** The article page carries every field of the story and the grade and letter forms. */
@QuarkusTest
class StoryPageTest {

    @Test
    void articlePageShowsEveryFieldAndTheFeedbackForm() {
        String tag = Stories.tag();
        UUID storyId = UUID.randomUUID();
        try (Stories stories = new Stories()) {
            stories.send(
                    storyId, Stories.approval(storyId, "Summit ends " + tag, List.of("Geopolitics", "Markets"), null));
        }
        String slug = "summit-ends-" + tag;
        String id = Stories.awaitApi(slug, 200)
                .then()
                .body("dateline", equalTo("GENEVA"))
                .body("sections", equalTo(List.of("Geopolitics", "Markets")))
                .body("imageCredit", equalTo("Photo: J. Doe"))
                .body("rights", equalTo("© 2026 The Harbor Ledger. All rights reserved."))
                .body("authorBio", equalTo("A. Writer covers diplomacy."))
                .body("editorsNote", equalTo("Why it matters: <the summit> sets the tone."))
                .body("versions.version", equalTo(List.of(1)))
                .extract()
                .path("id");

        String url = "http://localhost:8083/stories/" + slug;
        String html = given().when()
                .get("/stories/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String expected : List.of(
                "<h1>Summit ends " + tag + "</h1>",
                "<p>Talks broke off late.</p>",
                "<p class=\"byline\">By A. Writer</p>",
                "<p class=\"dateline\">GENEVA</p>",
                "<h2 id=\"editors-note-heading\">Editor's note</h2>",
                "<p>Why it matters: &lt;the summit&gt; sets the tone.</p>",
                "<img src=\"https://images.example.org/summit.jpg\" alt=\"Delegates leave the hall\" width=\"1200\""
                        + " height=\"800\">",
                "<figcaption>Delegates leave the hall <span class=\"credit\">Photo: J. Doe</span></figcaption>",
                "<p>Negotiators left <em>before dawn</em>.</p><h2>What next</h2>",
                "<p>A. Writer covers diplomacy.</p>",
                "© 2026 The Harbor Ledger. All rights reserved.",
                "— <a href=\"https://example.org/ledger\">The Harbor Ledger</a>",
                "<a href=\"http://localhost:8083/sections/geopolitics\">Geopolitics</a>",
                "<form method=\"post\" action=\"https://editorial.example.org/api/feedback/grades\">",
                "<input type=\"hidden\" name=\"publicationId\" value=\"" + id + "\">",
                "<label for=\"grade-1\">1 – poor</label>",
                "<label for=\"grade-5\">5 – excellent</label>",
                "<input type=\"hidden\" name=\"returnTo\" value=\"" + url + "#feedback\">",
                "<form method=\"post\" action=\"https://editorial.example.org/api/feedback/letters\">",
                "<label for=\"letter-name\">Your name</label>",
                "<label for=\"letter-email\">Your email address</label>",
                "<label for=\"letter-text\">Your letter</label>")) {
            assertTrue(html.contains(expected), () -> "missing " + expected + " in\n" + html);
        }
        assertEquals(5, html.split("type=\"radio\"", -1).length - 1, "grades 1 to 5");
        assertEquals(2, html.split("name=\"returnTo\"", -1).length - 1, "both forms lead back to the article");
    }

    @Test
    void unknownStoryIsNotFound() {
        given().when().get("/stories/no-such-story").then().statusCode(404).body(containsString("Story not found"));
    }
}
