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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;

/** The public HTML page of a publication. Qute escapes every value (templates ending in .html). */
@Path("/stories")
@Produces(MediaType.TEXT_HTML)
public class StoryPage {
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    PublicUrls urls;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance story(Story story);

        static native TemplateInstance notFound(String slug);
    }

    /** What the page shows, ready to print. {@code outletUrl} is null unless it is an http(s) link. */
    public record Story(String url, String headline, String byline, List<String> paragraphs, String outlet,
            String outletUrl, String publishedAt, String publishedOn) {
    }

    @GET
    @Path("{slug}")
    public Response page(@PathParam("slug") String slug, @Context Request request) {
        return Publication.findBySlug(slug)
                .map(p -> Freshness.respond(request, p.id + ":" + p.version, p.publishedAt,
                        () -> Response.ok(Templates.story(story(p))).type(HTML)))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound(slug))
                        .type(HTML).build());
    }

    private Story story(Publication p) {
        return new Story(urls.story(p.slug), p.headline, blankToNull(p.byline), paragraphs(p.summary), p.outlet,
                httpLink(p.outletUrl), p.publishedAt.toString(), READABLE.format(p.publishedAt));
    }

    /** Paragraphs are separated by blank lines. */
    static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R[ \\t]*\\R\\s*")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
