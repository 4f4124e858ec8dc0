package org.newsroom.publish.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;
import org.newsroom.publish.domain.Edition;
import org.newsroom.publish.domain.PublicUrls;

/** Published editions as JSON, newest first; scheduled or held ones (a story in them not yet public) stay invisible. */
@Path("/api/editions")
@Produces(MediaType.APPLICATION_JSON)
public class EditionResource {
    private static final int LIMIT = 50;

    @Inject
    PublicUrls urls;

    public record EditionResponse(
            UUID id,
            String slug,
            String url,
            String title,
            LocalDate date,
            EditionLead lead,
            List<EditionBrief> briefs,
            List<String> sections,
            Instant publishedAt) {}

    @GET
    public List<EditionResponse> list() {
        return Edition.newestPublished(LIMIT).stream().map(this::response).toList();
    }

    @GET
    @Path("{slug}")
    public EditionResponse get(@PathParam("slug") String slug) {
        return Edition.findPublished(slug)
                .map(this::response)
                .orElseThrow(() ->
                        new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No published edition " + slug)));
    }

    private EditionResponse response(Edition edition) {
        EditionApproved content = edition.content();
        return new EditionResponse(
                edition.id,
                edition.slug,
                urls.edition(edition.slug),
                content.title(),
                content.date(),
                content.lead(),
                content.briefs(),
                content.sections(),
                edition.publishedAt);
    }
}
