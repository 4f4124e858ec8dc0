package org.newsroom.ingest.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.ingest.domain.CanonicalUrl;
import org.newsroom.ingest.domain.NewItem;
import org.newsroom.ingest.domain.Sanitizer;
import org.newsroom.ingest.domain.Sha256;

/**
 * A feed entry as an item of its source. Feeds leave things out: an entry without a link is identified by its guid
 * (or, failing that, a hash of its headline and text) and has no URL; an entry without a title gets the first
 * sentence of its text as headline. Only an entry with neither title nor text cannot be an item.
 */
final class FeedEntries {
    private static final int DERIVED_HEADLINE_CHARS = 140;
    private static final int SHORTEST_SENTENCE = 20;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"”’)]?(?=\\s+[\\p{Lu}\"“‘(]|\\s*$)");

    private FeedEntries() {}

    /** Why an entry cannot be an item. */
    static final class UnusableEntryException extends Exception {
        UnusableEntryException(String reason) {
            super(reason);
        }
    }

    static NewItem toNewItem(FetchTarget target, FeedParser.ParsedFeed feed, FeedParser.Entry entry)
            throws UnusableEntryException {
        String body = entry.contentHtml() != null ? entry.contentHtml() : entry.summaryHtml();
        String headline = Sanitizer.line(entry.title()) != null ? entry.title() : firstSentence(body);
        if (headline == null) {
            throw new UnusableEntryException("entry without a title or any text to take a headline from");
        }
        String outlet = target.attributionName() != null ? target.attributionName() : feed.title();
        String outletUrl = target.attributionName() != null ? target.attributionUrl() : feed.link();
        Instant published = entry.published() != null ? entry.published() : entry.updated();
        List<String> sections = new ArrayList<>(target.sections());
        sections.addAll(entry.categories());
        FeedParser.Image image = entry.image();
        return new NewItem(
                target.name(),
                identity(target.identity(), entry, headline, body),
                entry.link(),
                headline,
                entry.summaryHtml(),
                entry.author(),
                outlet == null ? target.name() : outlet,
                outletUrl,
                published,
                body,
                entry.language(),
                entry.updated(),
                sections,
                image == null ? null : image.url(),
                image == null ? null : image.caption(),
                image == null ? null : image.credit(),
                null,
                null);
    }

    /** The source's identity rule (link, guid or hash), falling back to what the entry has. */
    private static String identity(String rule, FeedParser.Entry entry, String headline, String body) {
        String hash = Sha256.hex(
                Objects.toString(Sanitizer.line(headline), "") + "\n" + Objects.toString(Sanitizer.text(body), ""));
        String link = entry.link() == null ? null : CanonicalUrl.of(entry.link());
        // ROME reports the link as the id of an RSS item without guid; permalink ids are links as well.
        String guid = entry.guid() == null
                ? null
                : entry.guid().matches("(?i)^https?://.*") ? CanonicalUrl.of(entry.guid()) : entry.guid();
        return switch (rule) {
            case "link" -> link != null ? link : guid != null ? guid : hash;
            case "hash" -> hash;
            default -> guid != null ? guid : link != null ? link : hash;
        };
    }

    /** The text's first sentence (of a plausible length), cut at a word near 140 characters. */
    static String firstSentence(String html) {
        String text = Sanitizer.text(html);
        if (text == null) {
            return null;
        }
        String paragraph = text.split("\n\n", 2)[0];
        Matcher end = SENTENCE_END.matcher(paragraph);
        String sentence = paragraph;
        while (end.find()) {
            if (end.end() >= SHORTEST_SENTENCE) {
                sentence = paragraph.substring(0, end.end());
                break;
            }
        }
        if (sentence.length() <= DERIVED_HEADLINE_CHARS) {
            return sentence;
        }
        int space = sentence.lastIndexOf(' ', DERIVED_HEADLINE_CHARS - 1);
        return sentence.substring(0, space > 0 ? space : DERIVED_HEADLINE_CHARS - 1)
                        .stripTrailing() + "…";
    }
}
