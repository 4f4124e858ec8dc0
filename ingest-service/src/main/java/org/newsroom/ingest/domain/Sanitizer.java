package org.newsroom.ingest.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.web.StoryHtml;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Ingested HTML is untrusted. Every HTML field goes through the one story-HTML allow-list ({@link StoryHtml}); this
 * class derives the plain-text forms (summaries, headlines) from it.
 */
public final class Sanitizer {
    private static final PolicyFactory NOTHING = new HtmlPolicyBuilder().toFactory();

    private static final Pattern BLOCK_END =
            Pattern.compile("(?i)<br\\s*/?>|</(p|li|h2|h3|h4|blockquote|figure|figcaption|ul|ol)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY =
            Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private Sanitizer() {}

    /** Sanitized HTML, or null when nothing is left. */
    public static String html(String untrusted) {
        if (untrusted == null || untrusted.isBlank()) {
            return null;
        }
        String clean = StoryHtml.sanitize(untrusted).strip();
        return text(clean) == null && !clean.contains("<img") ? null : clean;
    }

    /** Plain text of some (untrusted or sanitized) HTML: tags gone, entities decoded, paragraphs kept apart. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String stripped =
                NOTHING.sanitize(BLOCK_END.matcher(StoryHtml.sanitize(html)).replaceAll("$0\n\n"));
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
                            ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1));
                    yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace('\u00a0', ' ');
    }
}
