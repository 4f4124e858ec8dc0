package org.newsroom.ingest.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.CDATA;
import org.jdom2.DocType;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Parent;
import org.jdom2.Text;
import org.jdom2.Verifier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.newsroom.ingest.feed.FeedParser.NotAFeedException;

/**
 * Reads XML that is not well-formed the way established feed readers do, with jsoup's XML parser, a tolerant
 * tree builder that never loads a DTD or expands a declared entity (it knows only the HTML named entities): unclosed
 * and mis-nested elements are closed, and text and attributes are kept. Two repairs come first, because the parser
 * would otherwise guess wrong: a bare {@code &} is escaped (jsoup would decode {@code &copy=1} in a link as ©=1), and
 * an unterminated CDATA section is closed at its element's end tag (jsoup would swallow the rest of the feed). The
 * result is converted to a JDOM document for ROME, with an undeclared namespace prefix bound to the namespace the
 * feed evidently meant ({@code dc:}, {@code content:}, {@code media:}…).
 */
final class LenientXml {
    private static final Pattern BARE_AMPERSAND =
            Pattern.compile("&(?!#\\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)");
    private static final String CDATA_START = "<![CDATA[";
    private static final String CDATA_END = "]]>";
    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w:.-]*)(\\s[^<>]*)?>");

    /** Prefixes feeds use without declaring them, and what they mean by them. */
    private static final Map<String, String> WELL_KNOWN = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "media", "http://search.yahoo.com/mrss/",
            "atom", "http://www.w3.org/2005/Atom",
            "xhtml", "http://www.w3.org/1999/xhtml",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "dcterms", "http://purl.org/dc/terms/",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");

    private LenientXml() {}

    static Document parse(String text) throws NotAFeedException {
        org.jsoup.nodes.Document parsed = Jsoup.parse(repair(text), "", Parser.xmlParser());
        Document document = new Document();
        for (Node node : parsed.childNodes()) {
            if (node instanceof DocumentType type && Verifier.checkXMLName(type.name()) == null) {
                document.setDocType(
                        new DocType(type.name(), blankToNull(type.publicId()), blankToNull(type.systemId())));
            } else if (node instanceof org.jsoup.nodes.Element element && !document.hasRootElement()) {
                Element root = element(element, new HashMap<>(Map.of("", "")));
                if (root != null) {
                    document.setRootElement(root);
                }
            }
        }
        if (!document.hasRootElement()) {
            throw new NotAFeedException("not a readable RSS/Atom feed: no root element", null);
        }
        return document;
    }

    /**
     * A CDATA section that is never closed, as XML would read it: as running to the next {@code ]]>}, taking the
     * entries in between as text. Well-formed, yet broken; told by a section that holds the start of another, or
     * runs to the end.
     */
    static Optional<String> unterminatedCdata(String text) {
        for (int at = text.indexOf(CDATA_START); at >= 0; ) {
            int contentStart = at + CDATA_START.length();
            int end = text.indexOf(CDATA_END, contentStart);
            int next = text.indexOf(CDATA_START, contentStart);
            if (end < 0 || (next >= 0 && next < end)) {
                long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                return Optional.of("line " + line + ": a CDATA section that is never closed");
            }
            at = text.indexOf(CDATA_START, end + CDATA_END.length());
        }
        return Optional.empty();
    }

    static String repair(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        while (at < text.length()) {
            int cdata = text.indexOf(CDATA_START, at);
            if (cdata < 0) {
                out.append(escapeBareAmpersands(text.substring(at)));
                break;
            }
            out.append(escapeBareAmpersands(text.substring(at, cdata)));
            int contentStart = cdata + CDATA_START.length();
            int end = text.indexOf(CDATA_END, contentStart);
            int next = text.indexOf(CDATA_START, contentStart);
            if (end >= 0 && (next < 0 || end < next)) {
                out.append(text, cdata, end + CDATA_END.length());
                at = end + CDATA_END.length();
            } else {
                int close = closingTag(text, cdata, contentStart, next < 0 ? text.length() : next);
                out.append(text, cdata, close).append(CDATA_END);
                at = close;
            }
        }
        return out.toString();
    }

    private static String escapeBareAmpersands(String xml) {
        return BARE_AMPERSAND.matcher(xml).replaceAll("&amp;");
    }

    /** Where an unterminated CDATA section must have ended: at its element's end tag, else before the next one. */
    private static int closingTag(String text, int cdata, int from, int limit) {
        String name = null;
        Matcher start = START_TAG.matcher(text.substring(0, cdata));
        while (start.find()) {
            name = start.group(1);
        }
        int close = name == null ? -1 : text.indexOf("</" + name, from);
        return close >= 0 && close <= limit ? close : limit;
    }

    private static Element element(org.jsoup.nodes.Element source, Map<String, String> inScope) {
        Map<String, String> scope = new HashMap<>(inScope);
        for (Attribute attribute : source.attributes()) {
            String key = attribute.getKey();
            if (key.equals("xmlns")) {
                scope.put("", attribute.getValue());
            } else if (key.startsWith("xmlns:")) {
                scope.put(key.substring(6), attribute.getValue());
            }
        }
        Element element = named(source.tagName(), scope);
        if (element == null) {
            return null;
        }
        for (Attribute attribute : source.attributes()) {
            attribute(element, attribute, scope);
        }
        for (Node child : source.childNodes()) {
            if (child instanceof org.jsoup.nodes.Element childElement) {
                Element converted = element(childElement, scope);
                if (converted != null) {
                    element.addContent(converted);
                } else {
                    addText(element, childElement.wholeText(), false);
                }
            } else if (child instanceof TextNode text) {
                addText(element, text.getWholeText(), child instanceof CDataNode);
            }
        }
        return element;
    }

    private static Element named(String qualified, Map<String, String> scope) {
        int colon = qualified.indexOf(':');
        String prefix = colon < 0 ? "" : qualified.substring(0, colon);
        String local = qualified.substring(colon + 1);
        try {
            return new Element(local, namespace(prefix, scope));
        } catch (IllegalArgumentException e) {
            // Not a name XML allows (jsoup keeps whatever follows a '<'): its text is kept, the element is not.
            return null;
        }
    }

    private static void attribute(Element element, Attribute attribute, Map<String, String> scope) {
        String key = attribute.getKey();
        if (key.equals("xmlns") || key.startsWith("xmlns:")) {
            return;
        }
        int colon = key.indexOf(':');
        String prefix = colon < 0 ? "" : key.substring(0, colon);
        String local = key.substring(colon + 1);
        try {
            Namespace namespace = prefix.isEmpty()
                    ? Namespace.NO_NAMESPACE
                    : prefix.equals("xml") ? Namespace.XML_NAMESPACE : namespace(prefix, scope);
            element.setAttribute(local, xmlCharacters(attribute.getValue()), namespace);
        } catch (IllegalArgumentException e) {
            // An attribute XML cannot hold (a bad name, a prefix clash) says nothing a feed reader needs.
        }
    }

    private static Namespace namespace(String prefix, Map<String, String> scope) {
        String uri = scope.get(prefix);
        if (uri == null || (uri.isEmpty() && !prefix.isEmpty())) {
            uri = WELL_KNOWN.getOrDefault(prefix, "urn:newsroom:undeclared:" + prefix);
        }
        return uri.isEmpty() ? Namespace.NO_NAMESPACE : Namespace.getNamespace(prefix, uri);
    }

    private static void addText(Parent parent, String value, boolean cdata) {
        String text = xmlCharacters(value);
        if (!text.isEmpty()) {
            parent.addContent(cdata && Verifier.checkCDATASection(text) == null ? new CDATA(text) : new Text(text));
        }
    }

    /** Control characters are not allowed in XML, but are common in feeds; they are dropped. */
    private static String xmlCharacters(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(Verifier::isXMLCharacter).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
