package org.newsroom.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one allow-list for story HTML: paragraphs, emphasis, links (http/https only, rel="noopener noreferrer
 * nofollow"), lists, blockquote, h2–h4 and figure/img with https sources. Scripts, styles, event handlers,
 * javascript: and data: URLs, iframes and forms do not pass; 1×1 tracking pixels are dropped. Ingest applies it to
 * what it takes in; publish and notify apply it again where they render, because an event on the topic may not have
 * come through ingest.
 */
public final class StoryHtml {
    private static final Pattern HTTPS = Pattern.compile("^https://[^\\s]+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIMENSION = Pattern.compile("\\s*(\\d{1,6})\\s*(px)?\\s*");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "h2",
                    "h3",
                    "h4",
                    "figure",
                    "figcaption",
                    "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href", "title")
            .onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .allowAttributes("src")
            .matching(HTTPS)
            .onElements("img")
            .allowAttributes("alt", "title")
            .onElements("img")
            .allowAttributes("width", "height")
            .matching(DIMENSION)
            .onElements("img")
            .allowElements((name, attrs) -> isTrackingPixel(attrs) ? null : name, "img")
            .allowAttributes("cite")
            .matching(HTTPS)
            .onElements("blockquote")
            .toFactory();

    private StoryHtml() {}

    /** The allowed part of some untrusted HTML; "" for null. */
    public static String sanitize(String untrusted) {
        return untrusted == null ? "" : POLICY.sanitize(untrusted);
    }

    private static boolean isTrackingPixel(List<String> attrs) {
        Integer width = null;
        Integer height = null;
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            Matcher m = DIMENSION.matcher(attrs.get(i + 1));
            if (m.matches()) {
                if (attrs.get(i).equals("width")) {
                    width = Integer.parseInt(m.group(1));
                } else if (attrs.get(i).equals("height")) {
                    height = Integer.parseInt(m.group(1));
                }
            }
        }
        return (width != null && width <= 1) || (height != null && height <= 1);
    }
}
