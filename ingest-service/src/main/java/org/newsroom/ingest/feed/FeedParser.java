package org.newsroom.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Element;

/**
 * Turns a feed document into entries: ROME for RSS 0.9x/1.0/2.0 and Atom 0.3/1.0, Jackson for JSON Feed 1.0/1.1.
 * XML is read by {@link FeedDocument} (strictly, else leniently; never a DTD loaded or an entity expanded), its links
 * made absolute by {@link FeedBases}, then handed to ROME.
 */
public final class FeedParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEDIA_NS = "http://search.yahoo.com/mrss/";

    private FeedParser() {}

    /** The document is not a feed we can read. */
    public static final class NotAFeedException extends Exception {
        public NotAFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public record Image(String url, String caption, String credit) {}

    /**
     * One entry, as raw as the feed gives it (HTML not yet sanitized), links resolved ({@link FeedBases}); its body is
     * chosen by {@link EntryContent}. {@code link} and {@code title} may be missing.
     */
    public record Entry(
            String guid,
            String link,
            String title,
            String summaryHtml,
            String contentHtml,
            String author,
            Instant published,
            Instant updated,
            List<String> categories,
            Image image,
            String language) {}

    /** {@code malformation}: the first well-formedness error of a feed that could be read only leniently. */
    public record ParsedFeed(
            String title,
            String link,
            String language,
            Optional<Duration> ttl,
            List<Entry> entries,
            Optional<String> malformation) {}

    public static ParsedFeed parse(byte[] body, String format, URI base) throws NotAFeedException {
        boolean json = "jsonfeed".equals(format) || ("auto".equals(format) && looksLikeJson(body));
        return json ? parseJson(body, base) : parseXml(body, base);
    }

    private static boolean looksLikeJson(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }

    // ------------------------------------------------------------------ XML (ROME)

    private static ParsedFeed parseXml(byte[] body, URI base) throws NotAFeedException {
        FeedDocument.Read read = FeedDocument.read(body);
        FeedBases.resolve(read.document(), base);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(true);
            feed = input.build(read.document());
        } catch (FeedException | IllegalArgumentException e) {
            String first = read.malformation().map(m -> " (" + m + ")").orElse("");
            throw new NotAFeedException("not a readable RSS/Atom feed: " + e.getMessage() + first, e);
        }
        URI feedBase = resolve(base, strip(feed.getLink())).map(URI::create).orElse(base);
        Optional<Duration> ttl = Optional.empty();
        if (feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0) {
            ttl = Optional.of(Duration.ofMinutes(channel.getTtl()));
        }
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            EntryContent.Texts texts = EntryContent.of(e);
            entries.add(new Entry(
                    strip(e.getUri()),
                    resolve(feedBase, strip(e.getLink())).orElse(null),
                    strip(e.getTitle()),
                    texts.summaryHtml(),
                    texts.bodyHtml(),
                    author(e),
                    instant(e.getPublishedDate()),
                    instant(e.getUpdatedDate()),
                    categories(e),
                    image(e, feedBase),
                    strip(feed.getLanguage())));
        }
        return new ParsedFeed(
                strip(feed.getTitle()),
                feedBase.toString(),
                strip(feed.getLanguage()),
                ttl,
                entries,
                read.malformation());
    }

    private static String author(SyndEntry e) {
        String author = strip(e.getAuthor());
        if (author == null && e.getAuthors() != null) {
            for (SyndPerson p : e.getAuthors()) {
                if (strip(p.getName()) != null) {
                    return strip(p.getName());
                }
            }
        }
        return author;
    }

    private static List<String> categories(SyndEntry e) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory c : e.getCategories()) {
            String name = strip(c.getName());
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** media:content / media:thumbnail (with media:description and media:credit), else an image enclosure. */
    private static Image image(SyndEntry e, URI base) {
        List<Element> markup = e.getForeignMarkup() == null ? List.of() : e.getForeignMarkup();
        for (String name : List.of("content", "group", "thumbnail")) {
            for (Element el : markup) {
                if (!MEDIA_NS.equals(el.getNamespaceURI()) || !name.equals(el.getName())) {
                    continue;
                }
                Element media = el;
                if (name.equals("group")) {
                    media = el.getChild("content", el.getNamespace());
                    if (media == null) {
                        continue;
                    }
                }
                String medium = media.getAttributeValue("medium");
                String type = media.getAttributeValue("type");
                if ((medium != null && !medium.equals("image")) || (type != null && !type.startsWith("image/"))) {
                    continue;
                }
                Optional<String> url = resolve(base, strip(media.getAttributeValue("url")));
                if (url.isPresent()) {
                    return new Image(url.get(), text(media, el, "description", "title"), text(media, el, "credit"));
                }
            }
        }
        for (SyndEnclosure enclosure : e.getEnclosures()) {
            if (enclosure.getType() != null && enclosure.getType().startsWith("image/")) {
                Optional<String> url = resolve(base, strip(enclosure.getUrl()));
                if (url.isPresent()) {
                    return new Image(url.get(), null, null);
                }
            }
        }
        return null;
    }

    private static String text(Element media, Element parent, String... names) {
        for (String name : names) {
            for (Element where : List.of(media, parent)) {
                Element child = where.getChild(name, where.getNamespace());
                if (child != null && strip(child.getTextNormalize()) != null) {
                    return strip(child.getTextNormalize());
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ JSON Feed

    private static ParsedFeed parseJson(byte[] body, URI base) throws NotAFeedException {
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        } catch (IOException e) {
            throw new NotAFeedException("not a readable JSON Feed: " + e.getMessage(), e);
        }
        if (root == null
                || !root.isObject()
                || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")
                || !root.path("items").isArray()) {
            throw new NotAFeedException(
                    "not a JSON Feed (version https://jsonfeed.org/version/1 or 1.1 with items)", null);
        }
        URI feedBase =
                resolve(base, text(root, "home_page_url")).map(URI::create).orElse(base);
        String language = text(root, "language");
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            String link = resolve(
                            feedBase, Optional.ofNullable(text(item, "url")).orElse(text(item, "external_url")))
                    .orElse(null);
            String html = text(item, "content_html");
            if (html == null && text(item, "content_text") != null) {
                html = EntryContent.textAsHtml(text(item, "content_text"));
            }
            String author = null;
            for (JsonNode a : item.path("authors")) {
                author = author == null ? text(a, "name") : author;
            }
            if (author == null) {
                author = text(item.path("author"), "name");
            }
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(t -> {
                if (strip(t.asText()) != null) {
                    tags.add(strip(t.asText()));
                }
            });
            Image image = resolve(
                            feedBase, Optional.ofNullable(text(item, "image")).orElse(text(item, "banner_image")))
                    .map(u -> new Image(u, null, null))
                    .orElse(null);
            entries.add(new Entry(
                    text(item, "id"),
                    link,
                    text(item, "title"),
                    text(item, "summary"),
                    html,
                    author,
                    isoInstant(text(item, "date_published")),
                    isoInstant(text(item, "date_modified")),
                    tags,
                    image,
                    Optional.ofNullable(text(item, "language")).orElse(language)));
        }
        return new ParsedFeed(
                text(root, "title"), feedBase.toString(), language, Optional.empty(), entries, Optional.empty());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? strip(value.asText()) : null;
    }

    private static Instant isoInstant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.replace("\uFEFF", "").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** An absolute http(s) link, resolved against the base; nothing for other schemes or garbage. */
    static Optional<String> resolve(URI base, String link) {
        if (link == null) {
            return Optional.empty();
        }
        try {
            URI uri = base == null ? new URI(link) : base.resolve(new URI(link.replace(" ", "%20")));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? Optional.of(uri.toString()) : Optional.empty();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
