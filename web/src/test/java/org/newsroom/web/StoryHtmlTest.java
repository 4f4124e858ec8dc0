package org.newsroom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoryHtmlTest {
    @Test
    void hostileMarkupDoesNotSurvive() {
        String html = StoryHtml.sanitize("<p>Rates <em>rise</em></p><script>alert(1)</script>"
                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a><iframe src=\"https://e.vil\"></iframe>"
                + "<p style=\"color:red\" onclick=\"alert(4)\">styled</p>");
        assertTrue(html.contains("<p>Rates <em>rise</em></p>"), html);
        for (String forbidden :
                new String[] {"<script", "alert", "onerror", "javascript:", "<iframe", "style=", "onclick"}) {
            assertFalse(html.contains(forbidden), forbidden + " survived in " + html);
        }
    }

    @Test
    void linksGetRelsAndHttpsImagesStayButTrackingPixelsGo() {
        String html = StoryHtml.sanitize(
                "<a href=\"https://bbc.co.uk/x\">BBC</a>"
                        + "<img src=\"https://img.example/a.jpg\" alt=\"A\"><img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">");
        assertTrue(html.matches(".*rel=\"[^\"]*noopener[^\"]*\".*") && html.contains("nofollow"), html);
        assertTrue(html.contains("https://img.example/a.jpg"), html);
        assertFalse(html.contains("t.example"), html);
    }

    @Test
    void nothingForNull() {
        assertEquals("", StoryHtml.sanitize(null));
    }
}
