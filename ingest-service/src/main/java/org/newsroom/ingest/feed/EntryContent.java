package org.newsroom.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.XMLOutputter;

/**
 * An entry's summary and body. The body is the first of these that has text:
 *
 * <ol>
 *   <li>the full content: RSS {@code content:encoded}, or Atom {@code content} of type html, xhtml or text
 *       (out-of-line Atom content, {@code src=}, has none);
 *   <li>RSS {@code xhtml:body};
 *   <li>the summary: RSS {@code description}, Atom {@code summary};
 *   <li>{@code media:description} of the entry, of its {@code media:group} or its {@code media:content}.
 * </ol>
 *
 * The summary is the description or Atom summary alone. Plain text is escaped, so that the sanitizer keeps it as text.
 */
final class EntryContent {
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final String MEDIA_NS = "http://search.yahoo.com/mrss/";

    private EntryContent() {}

    record Texts(String summaryHtml, String bodyHtml) {}

    static Texts of(SyndEntry entry) {
        String summary = html(entry.getDescription());
        List<Element> markup = entry.getForeignMarkup() == null ? List.of() : entry.getForeignMarkup();
        String body = entry.getContents().stream()
                .map(EntryContent::html)
                .filter(html -> html != null)
                .findFirst()
                .or(() -> xhtmlBody(markup))
                .or(() -> Optional.ofNullable(summary))
                .or(() -> mediaDescription(markup))
                .orElse(null);
        return new Texts(summary, body);
    }

    private static String html(SyndContent content) {
        if (content == null || FeedParser.strip(content.getValue()) == null) {
            return null;
        }
        String value = content.getValue().strip();
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("plain") ? textAsHtml(value) : value;
    }

    private static Optional<String> xhtmlBody(List<Element> markup) {
        return markup.stream()
                .filter(element -> XHTML_NS.equals(element.getNamespaceURI())
                        && element.getName().equals("body"))
                .map(body -> new XMLOutputter().outputString(unprefixed(body).getContent()))
                .map(FeedParser::strip)
                .filter(html -> html != null)
                .findFirst();
    }

    /** A copy in no namespace: {@code <xhtml:p>} is a {@code <p>} to the sanitizer only without its prefix. */
    private static Element unprefixed(Element xhtml) {
        Element copy = xhtml.clone();
        for (Element element : copy.getDescendants(Filters.element())) {
            if (XHTML_NS.equals(element.getNamespaceURI())) {
                element.setNamespace(Namespace.NO_NAMESPACE);
            }
            List.copyOf(element.getAdditionalNamespaces()).forEach(element::removeNamespaceDeclaration);
        }
        return copy;
    }

    private static Optional<String> mediaDescription(List<Element> markup) {
        Namespace media = Namespace.getNamespace(MEDIA_NS);
        for (Element element : markup) {
            List<Element> candidates = new ArrayList<>();
            if (media.equals(element.getNamespace()) && element.getName().equals("description")) {
                candidates.add(element);
            }
            element.getDescendants(Filters.element("description", media)).forEach(candidates::add);
            for (Element description : candidates) {
                String html = mediaText(description);
                if (html != null) {
                    return Optional.of(html);
                }
            }
        }
        return Optional.empty();
    }

    private static String mediaText(Element description) {
        String text = FeedParser.strip(description.getText());
        if (text == null) {
            return null;
        }
        return "html".equalsIgnoreCase(description.getAttributeValue("type")) ? text : textAsHtml(text);
    }

    /** Plain text as HTML that says the same: the sanitizer keeps it as text. */
    static String textAsHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
