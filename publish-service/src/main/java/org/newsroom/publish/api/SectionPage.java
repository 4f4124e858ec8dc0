package org.newsroom.publish.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.newsroom.problem.PageCursor;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublicationFilter;
import org.newsroom.publish.domain.Sections;

/**
 * A section's stories, newest first, at the slug of the section's name, with the section's own feeds; 50 a page, each
 * page linking the next older one ({@code ?after=}, the API's keyset cursor, rel=next) and the newest.
 */
@Path("/sections")
@Produces(MediaType.TEXT_HTML)
public class SectionPage {
    static final int SIZE = 50;

    @Inject
    PublicUrls urls;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(View section, List<Teaser> stories);

        static native TemplateInstance notFound(String section);
    }

    /** One page of a section; newest is null on the first page, next null on the last. */
    public record View(String url, String name, String key, String newest, String next) {}

    @GET
    @Path("{section}")
    public Response page(
            @PathParam("section") String section, @QueryParam("after") String after, @Context Request request) {
        String key = Sections.key(section);
        PublicationFilter filter = new PublicationFilter(key, null, PublicationResource.after(after), SIZE);
        List<Publication> stories = Publication.listPublic(filter);
        if (stories.isEmpty() && filter.after() == null) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Templates.notFound(section))
                    .type(StoryPage.HTML)
                    .build();
        }
        String name = stories.isEmpty()
                ? section
                : stories.get(0).article.sections.stream()
                        .filter(s -> Sections.key(s).equals(key))
                        .findFirst()
                        .orElse(section);
        String first = urls.site("/sections/" + key);
        String next = stories.size() < SIZE
                ? null
                : first + "?" + PageCursor.PARAMETER + "="
                        + PublicationResource.next(stories).encode();
        View view = new View(
                filter.after() == null
                        ? first
                        : first + "?" + PageCursor.PARAMETER + "="
                                + PageCursor.fromQuery(after).encode(),
                name,
                key,
                filter.after() == null ? null : first,
                next);
        return Freshness.respond(
                request,
                key + "|" + after + "|" + Teaser.version(stories),
                stories.isEmpty() ? Instant.EPOCH : stories.get(0).lastModified(),
                () -> Response.ok(Templates.section(view, Teaser.of(stories, urls)))
                        .type(StoryPage.HTML));
    }
}
