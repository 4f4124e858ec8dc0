package org.newsroom.publish.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newsroom.publish.support.SamplePages;

/**
 * The budget a reader's first visit costs: the seed's edition (lead story and three Takes) and the stylesheet
 * together stay within 60 KB before compression. Asked without compression, so the bytes are the page's own.
 */
@QuarkusTest
class PageBudgetTest {
    static final int BUDGET = 60 * 1024;

    @Test
    void anEditionPageAndItsStylesheetFitIn60Kilobytes() {
        SamplePages pages = SamplePages.published();
        byte[] html = given().header("Accept-Encoding", "identity")
                .get("/editions/" + pages.date)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        byte[] css = given().header("Accept-Encoding", "identity")
                .get(ReadersPagesTest.stylesheet())
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String page = new String(html, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(page.contains("<ol class=\"takes\">") && page.contains("About the author"), page);
        int total = html.length + css.length;
        System.out.printf(
                "edition page %d bytes + stylesheet %d bytes = %d of %d%n", html.length, css.length, total, BUDGET);
        assertTrue(total <= BUDGET, () -> "HTML " + html.length + " + CSS " + css.length + " bytes is over " + BUDGET);
    }
}
