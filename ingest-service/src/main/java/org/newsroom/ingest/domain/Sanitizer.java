package org.newsroom.ingest.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Ingested HTML is untrusted (DESIGN §5). Every HTML field goes through one explicit allow-list: paragraphs,
 * emphasis, links (http/https only, rel="noopener noreferrer nofollow"), lists, blockquote, h2–h4 and figure/img
 * with https sources. Scripts, styles, event handlers, javascript: and data: URLs, iframes and forms do not pass;
 * 1×1 tracking pixels are dropped.
 */
public final class Sanitizer {
    private static final Pattern HTTPS = Pattern.compile("^https://[^\\s]+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIMENSION = Pattern.compile("\\s*(\\d{1,6})\\s*(px)?\\s*");

    private static final PolicyFactory BODY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "b", "i", "u", "s", "sub", "sup", "ul", "ol", "li",
                    "blockquote", "h2", "h3", "h4", "figure", "figcaption", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href", "title").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .allowAttributes("src").matching(HTTPS).onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            .allowAttributes("width", "height").matching(DIMENSION).onElements("img")
            .allowElements((name, attrs) -> isTrackingPixel(attrs) ? null : name, "img")
            .allowAttributes("cite").matching(HTTPS).onElements("blockquote")
            .toFactory();

    private static final PolicyFactory NOTHING = new HtmlPolicyBuilder().toFactory();

    private static final Pattern BLOCK_END = Pattern.compile(
            "(?i)<br\\s*/?>|</(p|li|h2|h3|h4|blockquote|figure|figcaption|ul|ol)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private Sanitizer() {
    }

    /** Sanitized HTML, or null when nothing is left. */
    public static String html(String untrusted) {
        if (untrusted == null || untrusted.isBlank()) {
            return null;
        }
        String clean = BODY.sanitize(untrusted).strip();
        return text(clean) == null && !clean.contains("<img") ? null : clean;
    }

    /** Plain text of some (untrusted or sanitized) HTML: tags gone, entities decoded, paragraphs kept apart. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String stripped = NOTHING.sanitize(BLOCK_END.matcher(BODY.sanitize(html)).replaceAll("$0\n\n"));
        stripped = TAG.matcher(stripped).replaceAll("");
        String decoded = decode(stripped);
        StringBuilder out = new StringBuilder();
        for (String paragraph : decoded.split("\\n\\s*\\n")) {
            String line = paragraph.replaceAll("\\s+", " ").strip();
            if (!line.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n\n").append(line);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** One line of plain text (headlines, bylines, captions). */
    public static String line(String html) {
        String text = text(html);
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
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

    private static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    int cp = e.startsWith("#x") || e.startsWith("#X")
                            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                    yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace('\u00a0', ' ');
    }
}
