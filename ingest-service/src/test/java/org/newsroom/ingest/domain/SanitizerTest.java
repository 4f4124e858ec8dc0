package org.newsroom.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SanitizerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>Hi</p><script>alert(1)</script>",
                "<p onclick=\"alert(1)\">Hi</p>",
                "<p>Hi</p><img src=\"https://x.example/a.png\" onerror=\"alert(1)\">",
                "<p><a href=\"javascript:alert(1)\">Hi</a></p>",
                "<p><a href=\"JaVaScRiPt:alert(1)\">Hi</a></p>",
                "<p><a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">Hi</a></p>",
                "<p>Hi</p><img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">",
                "<p>Hi</p><iframe src=\"https://evil.example/\"></iframe>",
                "<p style=\"background:url(javascript:alert(1))\">Hi</p>",
                "<svg onload=alert(1)><p>Hi</p></svg>",
                "<p>Hi</p><form action=\"https://evil.example\"><input name=x></form>",
                "<p>Hi</p><object data=\"x\"></object><embed src=\"x\">",
                "<p>Hi<style>p{}</style></p>",
                "<p>Hi</p><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            })
    void dangerousMarkupDoesNotSurvive(String html) {
        String clean = Sanitizer.html(html);
        String lower = clean == null ? "" : clean.toLowerCase(Locale.ROOT);
        for (String bad : new String[] {
            "<script",
            "onclick",
            "onerror",
            "onload",
            "javascript:",
            "data:",
            "<iframe",
            "style",
            "<form",
            "<input",
            "<object",
            "<embed",
            "<svg",
            "<meta"
        }) {
            assertFalse(lower.contains(bad), bad + " survived in " + clean);
        }
        assertEquals("Hi", Sanitizer.text(html).strip());
    }

    @Test
    void allowedMarkupIsKeptAndLinksAreHardened() {
        String clean = Sanitizer.html(
                "<h2>Title</h2><p>A <em>b</em> <strong>c</strong> "
                        + "<a href=\"https://example.org/x\">link</a></p><ul><li>one</li></ul><blockquote>q</blockquote>"
                        + "<figure><img src=\"https://example.org/p.jpg\" alt=\"a photo\"><figcaption>Cap</figcaption></figure>");
        assertTrue(clean.contains("<h2>Title</h2>"), clean);
        assertTrue(clean.contains("<em>b</em>"), clean);
        assertTrue(clean.contains("<ul><li>one</li></ul>"), clean);
        assertTrue(clean.contains("<blockquote>q</blockquote>"), clean);
        assertTrue(clean.contains("href=\"https://example.org/x\""), clean);
        assertTrue(clean.matches(".*<a [^>]*rel=\"[^\"]*\".*"), clean);
        String rel = clean.replaceAll("(?s).*rel=\"([^\"]*)\".*", "$1");
        assertEquals(java.util.Set.of("noopener", "noreferrer", "nofollow"), java.util.Set.of(rel.split(" ")), clean);
        assertTrue(clean.contains("<img src=\"https://example.org/p.jpg\" alt=\"a photo\""), clean);
        assertTrue(clean.contains("<figcaption>Cap</figcaption>"), clean);
    }

    @Test
    void trackingPixelsAndPlainHttpImagesAreDropped() {
        assertNull(Sanitizer.html("<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">"));
        String clean = Sanitizer.html(
                "<p>x</p><img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">"
                        + "<img src=\"http://example.org/insecure.jpg\"><img src=\"https://example.org/ok.jpg\" width=\"600\">");
        assertFalse(clean.contains("t.example"), clean);
        assertFalse(clean.contains("insecure"), clean);
        assertTrue(clean.contains("ok.jpg"), clean);
    }

    @Test
    void plainTextKeepsParagraphsAndDecodesEntities() {
        assertEquals(
                "Ships & boats resume.\n\n\"Second\" <para>",
                Sanitizer.text("<p>Ships &amp; boats <b>resume</b>.</p><p>&quot;Second&quot; &lt;para&gt;</p>"));
        assertEquals(
                "Caf\u00e9 \u2014 news",
                Sanitizer.line("  Caf&eacute; &#8212; <i>news</i> ").replace("&eacute;", "\u00e9"));
        assertNull(Sanitizer.text("<script>alert(1)</script>"));
    }
}
