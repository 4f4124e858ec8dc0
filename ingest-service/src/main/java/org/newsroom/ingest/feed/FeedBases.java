package org.newsroom.ingest.feed;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;

/**
 * Makes every link in a feed absolute before ROME reads it, each against its own base: the nearest {@code xml:base}
 * (a nested one resolved against its parent's), else the feed's own link (the RSS channel's {@code <link>}, the
 * Atom feed's alternate link: what entry links have always been resolved against), else the URL the feed was
 * fetched from. Relative {@code href}/{@code src} inside entry HTML are rewritten too, before sanitizing: left
 * relative, they would point into our own site once the story is published.
 */
final class FeedBases {
    private static final Set<String> ATOM = Set.of("http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "url");
    private static final Set<String> URL_ELEMENTS = Set.of("link", "url", "comments", "uri", "logo", "icon");
    private static final Set<String> RSS_HTML_ELEMENTS = Set.of("description", "encoded");
    private static final Set<String> ATOM_TEXT_CONSTRUCTS = Set.of("content", "summary");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern LINK_ATTRIBUTE = Pattern.compile("(?i)\\b(href|src)\\s*=");

    private FeedBases() {}

    static void resolve(Document document, URI fetchedFrom) {
        Element root = document.getRootElement();
        URI base = xmlBase(root)
                .flatMap(value -> absolute(fetchedFrom, value))
                .or(() -> feedLink(root).flatMap(link -> absolute(fetchedFrom, link)))
                .map(URI::create)
                .orElse(fetchedFrom);
        walk(root, base);
    }

    private static void walk(Element element, URI inherited) {
        URI base = xmlBase(element)
                .flatMap(value -> absolute(inherited, value))
                .map(URI::create)
                .orElse(inherited);
        element.removeAttribute("base", Namespace.XML_NAMESPACE);
        for (Attribute attribute : element.getAttributes()) {
            if (attribute.getNamespace() == Namespace.NO_NAMESPACE && URL_ATTRIBUTES.contains(attribute.getName())) {
                relative(attribute.getValue())
                        .flatMap(value -> absolute(base, value))
                        .ifPresent(attribute::setValue);
            }
        }
        if (element.getChildren().isEmpty()) {
            String text = element.getText();
            if (URL_ELEMENTS.contains(element.getName()) && element.getAttribute("href") == null) {
                relative(text.strip()).flatMap(value -> absolute(base, value)).ifPresent(element::setText);
            } else if (isHtml(element) && text.indexOf('<') >= 0) {
                String rewritten = absoluteLinks(text, base);
                if (!rewritten.equals(text)) {
                    element.setText(rewritten);
                }
            }
        }
        for (Element child : element.getChildren()) {
            walk(child, base);
        }
    }

    /** Escaped HTML: RSS descriptions and content:encoded, Atom content and summaries of type html. */
    private static boolean isHtml(Element element) {
        if (ATOM.contains(element.getNamespaceURI())) {
            String type = element.getAttributeValue("type", "text");
            return ATOM_TEXT_CONSTRUCTS.contains(element.getName()) && type.contains("html") && !type.contains("xhtml");
        }
        return RSS_HTML_ELEMENTS.contains(element.getName());
    }

    /** The HTML with each relative href/src made absolute; the very same string when there was none. */
    static String absoluteLinks(String html, URI base) {
        // Most entry HTML has no link or image at all; it is not worth a parse on every fetch.
        if (!LINK_ATTRIBUTE.matcher(html).find()) {
            return html;
        }
        org.jsoup.nodes.Document fragment = Jsoup.parseBodyFragment(html);
        boolean changed = false;
        for (org.jsoup.nodes.Element element : fragment.select("[href], [src]")) {
            for (String name : new String[] {"href", "src"}) {
                Optional<String> resolved =
                        relative(element.attr(name).strip()).flatMap(value -> absolute(base, value));
                if (element.hasAttr(name) && resolved.isPresent()) {
                    element.attr(name, resolved.get());
                    changed = true;
                }
            }
        }
        if (!changed) {
            return html;
        }
        fragment.outputSettings().prettyPrint(false);
        return fragment.body().html();
    }

    private static Optional<String> xmlBase(Element element) {
        return Optional.ofNullable(FeedParser.strip(element.getAttributeValue("base", Namespace.XML_NAMESPACE)));
    }

    /** The feed's link to its site: RSS {@code channel/link}, Atom {@code link} (alternate, or without rel). */
    private static Optional<String> feedLink(Element root) {
        Element holder = root.getChildren().stream()
                .filter(child -> child.getName().equals("channel"))
                .findFirst()
                .orElse(root);
        for (Element link : holder.getChildren()) {
            String rel = link.getAttributeValue("rel", "alternate");
            String value = FeedParser.strip(
                    Optional.ofNullable(link.getAttributeValue("href")).orElse(link.getText()));
            if (link.getName().equals("link") && rel.equals("alternate") && value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> relative(String value) {
        return value == null || value.isEmpty() || SCHEME.matcher(value).find() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> absolute(URI base, String value) {
        return FeedParser.resolve(base, value);
    }
}
