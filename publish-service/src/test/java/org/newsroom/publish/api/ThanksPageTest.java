package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.HtmlChecker;

/**
 * The pages editorial-service sends a reader to after a grade or a letter (FeedbackTest there checks the redirect):
 * themed, thanking, linking back to the page they came from when that is a path on this site, and nowhere else.
 */
@QuarkusTest
class ThanksPageTest {

    @Test
    void afterAGradeTheReaderIsThankedAndLinkedBackToTheStory() throws Exception {
        String html = given().queryParam("returnTo", "/stories/rates-on-hold#feedback")
                .when()
                .get("/thanks/grade")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Thank you for your grade</h1>"))
                .body(containsString("<a href=\"/stories/rates-on-hold#feedback\">Back to the story</a>"))
                .body(containsString("<main id=\"content\""))
                .body(containsString("id=\"subscribe\""))
                .extract()
                .asString();
        HtmlChecker.assertValid("/thanks/grade", html);
    }

    @Test
    void afterALetterTheReaderIsThankedAndLinkedBackToTheEdition() throws Exception {
        String html = given().queryParam("returnTo", "/editions/2026-03-02")
                .when()
                .get("/thanks/letter")
                .then()
                .statusCode(200)
                .body(containsString("<h1>Thank you for your letter</h1>"))
                .body(containsString("<a href=\"/editions/2026-03-02\">Back to the edition</a>"))
                .extract()
                .asString();
        HtmlChecker.assertValid("/thanks/letter", html);
    }

    /** Whatever editorial (or anyone crafting the link) puts there, the page links to this site only. */
    @Test
    void aReturnToThatIsNotAPathOnThisSiteLinksToTheFrontPage() {
        for (String foreign : new String[] {
            "https://evil.example/phish",
            "//evil.example/phish",
            "/\\evil.example/phish",
            "javascript:alert(1)",
            "evil.example/phish",
            "/stories/x\nLocation: https://evil.example",
            ""
        }) {
            for (String kind : new String[] {"grade", "letter"}) {
                given().queryParam("returnTo", foreign)
                        .when()
                        .get("/thanks/" + kind)
                        .then()
                        .statusCode(200)
                        .body(containsString("<a href=\"/\">Back to the front page</a>"))
                        .body(not(containsString("evil")))
                        .body(not(containsString("javascript:")));
            }
        }
        given().when()
                .get("/thanks/grade")
                .then()
                .statusCode(200)
                .body(containsString("<a href=\"/\">Back to the front page</a>"));
    }

    @Test
    void onlyAbsolutePathsWithoutHostOrSchemeAreSitePaths() {
        assertTrue(ThanksPage.isSitePath("/stories/a?x=1#feedback"));
        assertTrue(ThanksPage.isSitePath("/"));
        assertFalse(ThanksPage.isSitePath("//evil.example"));
        assertFalse(ThanksPage.isSitePath("/\\evil.example"));
        assertFalse(ThanksPage.isSitePath("https://evil.example/"));
        assertFalse(ThanksPage.isSitePath("/a b"));
        assertFalse(ThanksPage.isSitePath("/a\tb"));
        assertFalse(ThanksPage.isSitePath(null));
    }
}
