package org.newsroom.publish.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.newsroom.publish.domain.Article;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublishSettings;
import org.newsroom.publish.domain.Sections;
import org.newsroom.theme.Theme;
import org.newsroom.web.StoryHtml;

/**
 * The public HTML page of a publication, or its retraction notice. Qute escapes every value (templates ending in
 * .html) except the body, which goes through the story-HTML allow-list once more as it is rendered: a row stored
 * before publish sanitized on intake must not reach a reader unsanitized either.
 */
@Path("/stories")
@Produces(MediaType.TEXT_HTML)
public class StoryPage {
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    PublicUrls urls;

    @Inject
    PublishSettings settings;

    @Inject
    Theme.Site site;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance story(Story story);

        static native TemplateInstance retracted(Retraction story);

        static native TemplateInstance notFound(String slug);
    }

    /** What the page shows, ready to print. Links are null unless they are http(s). */
    public record Story(
            String publicationId,
            String url,
            List<SectionLink> sections,
            String headline,
            List<String> dek,
            String byline,
            String dateline,
            String publishedAt,
            String publishedOn,
            String updatedAt,
            String updatedOn,
            String correctionNote,
            String editorsNote,
            Image image,
            String bodyHtml,
            String outlet,
            String outletUrl,
            String authorBio,
            String rights,
            Feedback feedback,
            Sharing sharing) {}

    public record SectionLink(String name, String url) {}

    public record Image(String url, String alt, String caption, String credit) {}

    public record Retraction(String headline, String reason, String retractedAt, String retractedOn) {}

    @GET
    @Path("{slug}")
    public Response page(@PathParam("slug") String slug, @Context Request request) {
        Publication publication = Publication.findBySlug(slug).orElse(null);
        if (publication != null && publication.isPublic()) {
            return Freshness.respond(
                    request,
                    publication.id + ":" + publication.version,
                    publication.lastModified(),
                    () -> Response.ok(Templates.story(story(publication))).type(HTML));
        }
        if (publication != null && publication.isRetractedFromPublic()) {
            return Response.status(Response.Status.GONE)
                    .type(HTML)
                    .cacheControl(Freshness.cacheControl())
                    .entity(Templates.retracted(new Retraction(
                            publication.article.headline,
                            publication.retractionReason,
                            machine(publication.retractedAt),
                            readable(publication.retractedAt))))
                    .build();
        }
        return Response.status(Response.Status.NOT_FOUND)
                .entity(Templates.notFound(slug))
                .type(HTML)
                .build();
    }

    private Story story(Publication p) {
        Article a = p.article;
        String url = urls.story(p.slug);
        Image image = image(a.imageUrl, a.imageCaption, a.imageCredit, a.headline);
        return new Story(
                p.id.toString(),
                url,
                sectionLinks(a.sections, urls),
                a.headline,
                paragraphs(a.summary),
                blankToNull(a.byline),
                blankToNull(a.dateline),
                machine(p.publishedAt),
                readable(p.publishedAt),
                machine(p.updatedAt),
                p.updatedAt == null ? null : readable(p.updatedAt),
                blankToNull(p.correctionNote),
                blankToNull(a.editorsNote),
                image,
                blankToNull(StoryHtml.sanitize(a.bodyHtml)),
                a.outlet,
                httpLink(a.outletUrl),
                blankToNull(a.authorBio),
                blankToNull(a.rights),
                Feedback.on(settings, "Grade this article", p.id.toString(), url),
                Sharing.of(new Sharing.Article(
                        url,
                        a.headline,
                        a.summary,
                        blankToNull(a.byline),
                        "Person",
                        image,
                        machine(p.publishedAt),
                        machine(p.updatedAt),
                        site.title(),
                        urls.site(""))));
    }

    /** An http(s) image or none; without a caption, the headline is the best description (alt text) we have. */
    static Image image(String imageUrl, String imageCaption, String imageCredit, String headline) {
        String url = httpLink(imageUrl);
        if (url == null) {
            return null;
        }
        String caption = blankToNull(imageCaption);
        return new Image(url, caption != null ? caption : headline, caption, blankToNull(imageCredit));
    }

    static List<SectionLink> sectionLinks(List<String> sections, PublicUrls urls) {
        return sections == null
                ? List.of()
                : sections.stream()
                        .map(s -> new SectionLink(s, urls.site("/sections/" + Sections.key(s))))
                        .toList();
    }

    /** For {@code <time datetime>}, which allows at most milliseconds; readers need no more than seconds. */
    static String machine(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String readable(Instant instant) {
        return READABLE.format(instant);
    }

    /** Paragraphs are separated by blank lines. */
    static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R[ \\t]*\\R\\s*"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Escaping keeps a value from breaking out of the attribute, but not a javascript: URL from running. */
    static String httpLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
