package org.newsroom.notify.newsletter;

import io.quarkus.qute.TemplateData;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.events.EditionPublished;

/** What the edition templates ({@code templates/edition.txt}, {@code templates/edition.html}) render, per reader. */
@TemplateData
public record EditionMail(String title, String url, Lead lead, List<Brief> briefs, Footer footer) {

    /** Per reader: their own unsubscribe and preferences links; then where to write and where to grade. */
    @TemplateData
    public record Footer(String unsubscribe, String preferences, String letters, String grade) {}

    @TemplateData
    public record Lead(
            String headline,
            String byline,
            String editorsNote,
            Image image,
            List<String> paragraphs,
            String outlet,
            String outletUrl,
            String authorBio,
            String rights) {}

    /** The lead's picture, only over http(s); without a caption the headline is its alt text. */
    @TemplateData
    public record Image(String url, String alt, String caption, String credit) {
        static Image of(EditionLead lead) {
            String url = webLink(lead.imageUrl());
            if (url == null) {
                return null;
            }
            String caption = blankToNull(lead.imageCaption());
            return new Image(
                    url, caption != null ? caption : lead.headline(), caption, blankToNull(lead.imageCredit()));
        }
    }

    @TemplateData
    public record Brief(int number, String headline, List<String> paragraphs, String outlet, String outletUrl) {}

    /**
     * Every field is text, escaped by the templates (no story HTML is rendered into an email, so markup in an event
     * shows as inert text); links are kept only over http(s), so a {@code javascript:} URL never becomes one.
     */
    static EditionMail of(EditionPublished edition, Footer footer) {
        EditionLead lead = edition.lead();
        Lead leadView = new Lead(
                lead.headline(),
                blankToNull(lead.byline()),
                blankToNull(lead.editorsNote()),
                Image.of(lead),
                paragraphs(lead.summary()),
                lead.attribution().outlet(),
                webLink(lead.attribution().url()),
                blankToNull(lead.authorBio()),
                blankToNull(lead.rights()));
        List<Brief> briefs = edition.briefs().stream()
                .sorted(Comparator.comparing(EditionBrief::number))
                .map(b -> new Brief(
                        b.number(),
                        b.headline(),
                        b.paragraphs().stream()
                                .filter(p -> p != null && !p.isBlank())
                                .map(String::strip)
                                .toList(),
                        b.attribution().outlet(),
                        webLink(b.attribution().url())))
                .toList();
        return new EditionMail(edition.title(), webLink(edition.url()), leadView, briefs, footer);
    }

    /** The URL when it is http(s), else null (rendered as no link at all). */
    static String webLink(String url) {
        String link = blankToNull(url);
        String scheme = link == null ? "" : link.toLowerCase(java.util.Locale.ROOT);
        return scheme.startsWith("https://") || scheme.startsWith("http://") ? link : null;
    }

    /** Paragraphs are separated by blank lines, as in publication summaries. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
