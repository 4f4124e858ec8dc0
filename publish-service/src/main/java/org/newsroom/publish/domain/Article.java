package org.newsroom.publish.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.newsroom.events.StoryCopy;
import org.newsroom.web.StoryHtml;

/** What readers read of one version of a publication, as editorial approved or corrected it. */
@Embeddable
public class Article {

    public String headline;

    public String summary;

    public String byline;

    public String outlet;

    @Column(name = "outlet_url")
    public String outletUrl;

    @Column(name = "editors_note")
    public String editorsNote;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> sections;

    /**
     * Sanitized by ingest before it reached editorial, and again here with the same allow-list as it comes in: an
     * event on the topic may not have come through ingest, and the API, the events and partners' webhooks carry it.
     */
    @Column(name = "body_html")
    public String bodyHtml;

    public String dateline;

    @Column(name = "image_url")
    public String imageUrl;

    @Column(name = "image_caption")
    public String imageCaption;

    @Column(name = "image_credit")
    public String imageCredit;

    public String rights;

    @Column(name = "author_bio")
    public String authorBio;

    public static Article of(StoryCopy story) {
        Article article = new Article();
        article.headline = story.headline().strip();
        article.summary = story.summary();
        article.byline = story.byline();
        article.outlet = story.attribution().outlet();
        article.outletUrl = story.attribution().url();
        article.editorsNote = story.editorsNote();
        article.sections = sections(story.sections());
        article.bodyHtml = story.bodyHtml() == null ? null : StoryHtml.sanitize(story.bodyHtml());
        article.dateline = story.dateline();
        article.imageUrl = story.imageUrl();
        article.imageCaption = story.imageCaption();
        article.imageCredit = story.imageCredit();
        article.rights = story.rights();
        article.authorBio = story.authorBio();
        return article;
    }

    /** An independent copy: a version keeps what it was, whatever later happens to the publication. */
    public Article copy() {
        Article copy = new Article();
        copy.headline = headline;
        copy.summary = summary;
        copy.byline = byline;
        copy.outlet = outlet;
        copy.outletUrl = outletUrl;
        copy.editorsNote = editorsNote;
        copy.sections = List.copyOf(sections);
        copy.bodyHtml = bodyHtml;
        copy.dateline = dateline;
        copy.imageUrl = imageUrl;
        copy.imageCaption = imageCaption;
        copy.imageCredit = imageCredit;
        copy.rights = rights;
        copy.authorBio = authorBio;
        return copy;
    }

    /** The addresses of the article's sections, as in {@code /sections/{key}}. */
    public List<String> sectionKeys() {
        return sections.stream().map(Sections::key).distinct().toList();
    }

    private static List<String> sections(List<String> sections) {
        return sections == null
                ? List.of()
                : sections.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }
}
