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
import java.util.List;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublicationFilter;
import org.newsroom.publish.domain.Sections;

/** A section's newest stories, at the slug of the section's name, with the section's own feeds. */
@Path("/sections")
@Produces(MediaType.TEXT_HTML)
public class SectionPage {
    private static final int SIZE = 50;

    @Inject
    PublicUrls urls;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(String url, String name, String key, List<Teaser> stories);

        static native TemplateInstance notFound(String section);
    }

    @GET
    @Path("{section}")
    public Response page(@PathParam("section") String section, @Context Request request) {
        String key = Sections.key(section);
        List<Publication> newest = Publication.listPublic(PublicationFilter.inSection(key, SIZE));
        if (newest.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Templates.notFound(section))
                    .type(StoryPage.HTML)
                    .build();
        }
        String name = newest.get(0).article.sections.stream()
                .filter(s -> Sections.key(s).equals(key))
                .findFirst()
                .orElse(section);
        return Freshness.respond(
                request,
                key + Teaser.version(newest),
                newest.get(0).lastModified(),
                () -> Response.ok(Templates.section(urls.site("/sections/" + key), name, key, Teaser.of(newest, urls)))
                        .type(StoryPage.HTML));
    }
}
