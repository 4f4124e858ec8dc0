package org.newsroom.publish.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.publish.domain.Article;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublicationVersion;
import org.newsroom.web.StoryHtml;

/**
 * A public publication, current version. {@code updatedAt} and {@code correctionNote} are null until a correction;
 * {@code versions} (oldest first) only on the single-publication answer. {@code bodyHtml} passes the story-HTML
 * allow-list on the way out too, for rows stored before publish sanitized on intake.
 */
public record PublicationResponse(
        UUID id,
        UUID storyId,
        String slug,
        String url,
        String headline,
        String summary,
        String byline,
        String dateline,
        String outlet,
        String outletUrl,
        String editorsNote,
        List<String> sections,
        String bodyHtml,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights,
        String authorBio,
        int version,
        Instant publishedAt,
        Instant updatedAt,
        String correctionNote,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Version> versions) {

    /** One version as readers saw it from {@code publishedAt} on. */
    public record Version(int version, String headline, String summary, String correctionNote, Instant publishedAt) {}

    static PublicationResponse of(Publication publication, PublicUrls urls) {
        return of(publication, urls, null);
    }

    static PublicationResponse withHistory(Publication publication, PublicUrls urls) {
        return of(
                publication,
                urls,
                PublicationVersion.history(publication.id).stream()
                        .map(v -> new Version(
                                v.version, v.article.headline, v.article.summary, v.correctionNote, v.createdAt))
                        .toList());
    }

    private static PublicationResponse of(Publication p, PublicUrls urls, List<Version> versions) {
        Article a = p.article;
        return new PublicationResponse(
                p.id,
                p.storyId,
                p.slug,
                urls.story(p.slug),
                a.headline,
                a.summary,
                a.byline,
                a.dateline,
                a.outlet,
                a.outletUrl,
                a.editorsNote,
                a.sections,
                a.bodyHtml == null ? null : StoryHtml.sanitize(a.bodyHtml),
                a.imageUrl,
                a.imageCaption,
                a.imageCredit,
                a.rights,
                a.authorBio,
                p.version,
                p.publishedAt,
                p.updatedAt,
                p.correctionNote,
                versions);
    }
}
