package org.newsroom.publish.api;

import java.util.List;
import java.util.stream.Collectors;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;

/** A publication as listed on the front, section and archive pages. */
public record Teaser(String url, String headline, String dek, String outlet, String publishedAt, String publishedOn) {

    static Teaser of(Publication p, PublicUrls urls) {
        return new Teaser(
                urls.story(p.slug),
                p.article.headline,
                StoryPage.paragraphs(p.article.summary).stream().findFirst().orElse(null),
                p.article.outlet,
                StoryPage.machine(p.publishedAt),
                StoryPage.readable(p.publishedAt));
    }

    static List<Teaser> of(List<Publication> publications, PublicUrls urls) {
        return publications.stream().map(p -> of(p, urls)).toList();
    }

    /** Changes whenever a listed publication is added, removed or corrected: the list's ETag. */
    static String version(List<Publication> publications) {
        return publications.stream().map(p -> p.id + ":" + p.version).collect(Collectors.joining(","));
    }
}
