package org.newsroom.publish.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;

/** The public JSON API: what is published, newest first. */
@Path("/api/publications")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Inject
    PublicUrls urls;

    @GET
    public List<PublicationResponse> list(@QueryParam("limit") String limit) {
        return Publication.newest(limit(limit)).stream().map(p -> PublicationResponse.of(p, urls)).toList();
    }

    @GET
    @Path("{slug}")
    public PublicationResponse get(@PathParam("slug") String slug) {
        return Publication.findBySlug(slug).map(p -> PublicationResponse.of(p, urls))
                .orElseThrow(() -> new ProblemException(
                        Problem.of(Response.Status.NOT_FOUND, "No publication " + slug)));
    }

    /** Parsed here rather than by JAX-RS, which answers 404 to a non-numeric query parameter. */
    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, like an out-of-range number
        }
        throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields")
                .withErrors(List.of(new Problem.FieldError("limit",
                        "must be a whole number from 1 to " + MAX_LIMIT))));
    }
}
