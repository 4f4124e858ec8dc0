package org.newsroom.ingest.feed;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.newsroom.ingest.feed.FeedParser.NotAFeedException;
import org.xml.sax.InputSource;

/**
 * A feed's XML as a JDOM document, read strictly when it is well-formed and leniently ({@link LenientXml}) when it is
 * not, so that a feed with a stray ampersand or an undeclared prefix is read, and flagged, rather than missed.
 *
 * <p>On both paths a DOCTYPE is tolerated and ignored: an external DTD is never loaded, and a document whose DOCTYPE
 * declares entities is refused outright, because honouring the declarations is the XXE and entity-expansion attack
 * and ignoring them would publish the unexpanded references; no legitimate feed needs them.
 */
final class FeedDocument {
    /** Versions ROME has a parser for; any other version on {@code <rss>} is read as 2.0, its successor. */
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    private static final Pattern DOCTYPE = Pattern.compile("(?i)<!DOCTYPE");
    private static final Pattern ROOT_START = Pattern.compile("<[A-Za-z_]");
    private static final Pattern ENTITY_DECLARATION = Pattern.compile("(?i)<!ENTITY");

    private FeedDocument() {}

    /** The document, and when it had to be read leniently, what was wrong with it first. */
    record Read(Document document, Optional<String> malformation) {}

    static Read read(byte[] body) throws NotAFeedException {
        String text = decode(body);
        refuseEntityDeclarations(text);
        Optional<String> cdata = LenientXml.unterminatedCdata(text);
        if (cdata.isPresent()) {
            return knownVersion(new Read(LenientXml.parse(text), cdata));
        }
        try {
            return knownVersion(new Read(strict(text), Optional.empty()));
        } catch (JDOMException e) {
            return knownVersion(new Read(LenientXml.parse(text), Optional.of(firstError(e))));
        } catch (IOException e) {
            throw new NotAFeedException("not a readable RSS/Atom feed: " + e.getMessage(), e);
        }
    }

    /** Characters as the prolog (or a byte-order mark) says they are encoded, UTF-8 when nothing says. */
    private static String decode(byte[] body) throws NotAFeedException {
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body))) {
            StringBuilder text = new StringBuilder(body.length);
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException e) {
            throw new NotAFeedException("not a readable RSS/Atom feed: " + e.getMessage(), e);
        }
    }

    /**
     * Entities can only be declared in the DOCTYPE's internal subset, which comes before the root element (the first
     * {@code <} followed by a letter; a declaration's own value comes after its {@code <!ENTITY}). A DOCTYPE quoted
     * in an entry's text is not the document's.
     */
    private static void refuseEntityDeclarations(String text) throws NotAFeedException {
        Matcher doctype = DOCTYPE.matcher(text);
        Matcher root = ROOT_START.matcher(text);
        int prologEnd = root.find() ? root.start() : text.length();
        if (doctype.find()
                && doctype.start() < prologEnd
                && ENTITY_DECLARATION
                        .matcher(text)
                        .region(doctype.end(), prologEnd)
                        .find()) {
            throw new NotAFeedException(
                    "refused: the document declares entities (<!ENTITY>), which a feed never needs", null);
        }
    }

    private static Document strict(String text) throws JDOMException, IOException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return builder.build(new StringReader(text));
    }

    private static String firstError(JDOMException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() <= 500 ? message : message.substring(0, 500);
    }

    private static Read knownVersion(Read read) {
        Element root = read.document().getRootElement();
        String version = Optional.ofNullable(root.getAttributeValue("version"))
                .map(String::strip)
                .orElse("");
        if (!root.getName().equals("rss") || RSS_VERSIONS.contains(version)) {
            return read;
        }
        root.setAttribute("version", "2.0");
        String note = version.isEmpty()
                ? "<rss> without a version, read as RSS 2.0"
                : String.format(Locale.ROOT, "unknown RSS version \"%s\", read as RSS 2.0", version);
        return new Read(read.document(), Optional.of(read.malformation().orElse(note)));
    }
}
