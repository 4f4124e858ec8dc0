package org.newsroom.publish.api;

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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroom.problem.FieldProblems;
import org.newsroom.problem.KeysetPages;
import org.newsroom.problem.PageCursor;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublicationFilter;
import org.newsroom.publish.domain.Sections;

/** The public JSON API: what is published, newest first. Retracted and embargoed publications are not listed. */
@Path("/api/publications")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Inject
    PublicUrls urls;

    @GET
    @APIResponse(
            responseCode = "200",
            description = "Newest first; a full page carries the next page's cursor",
            headers = {
                @Header(name = KeysetPages.NEXT_CURSOR, description = "pass as ?after= for the next page"),
                @Header(name = "Link", description = "the next page's URL, rel=\"next\"")
            },
            content = @Content(schema = @Schema(implementation = PublicationResponse.class, type = SchemaType.ARRAY)))
    public Response list(
            @QueryParam("limit") String limit,
            @Parameter(description = "a section name or its slug, e.g. Markets") @QueryParam("section") String section,
            @Parameter(description = "ISO instant or date (UTC): published at or after it") @QueryParam("since")
                    String since,
            @Parameter(description = "the X-Next-Cursor of the previous page") @QueryParam("after") String after,
            @Context Request request,
            @Context UriInfo uri) {
        PublicationFilter filter = new PublicationFilter(
                section == null || section.isBlank() ? null : Sections.key(section),
                since(since),
                after(after),
                limit(limit));
        List<Publication> page = Publication.listPublic(filter);
        Instant lastModified = page.stream()
                .map(Publication::lastModified)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return Freshness.respond(request, filter + Teaser.version(page), lastModified, () -> {
            Response.ResponseBuilder response = Response.ok(
                    page.stream().map(p -> PublicationResponse.of(p, urls)).toList());
            return KeysetPages.withNext(response, page.size() < filter.limit() ? null : next(page), uri);
        });
    }

    @GET
    @Path("{slug}")
    @APIResponse(
            responseCode = "200",
            description = "The current version and the version history, oldest first",
            content = @Content(schema = @Schema(implementation = PublicationResponse.class)))
    @APIResponse(responseCode = "404", description = "Never published (or still under embargo)")
    @APIResponse(responseCode = "410", description = "Retracted: the problem's detail gives the reason")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    public Response get(@PathParam("slug") String slug, @Context Request request) {
        Publication publication = Publication.findBySlug(slug).orElse(null);
        if (publication != null && publication.isPublic()) {
            return Freshness.respond(
                    request,
                    "api" + publication.id + ":" + publication.version,
                    publication.lastModified(),
                    () -> Response.ok(PublicationResponse.withHistory(publication, urls)));
        }
        if (publication != null && publication.isRetractedFromPublic()) {
            throw new ProblemException(Problem.of(Response.Status.GONE, "Retracted: " + publication.retractionReason)
                    .with("reason", publication.retractionReason)
                    .with("retractedAt", publication.retractedAt.toString()));
        }
        throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No publication " + slug));
    }

    /** Where the page after this one starts: its last publication (pages and API page alike). */
    static PageCursor next(List<Publication> page) {
        Publication last = page.get(page.size() - 1);
        return PageCursor.of(last.publishedAt, last.id);
    }

    static PublicationFilter.Position after(String after) {
        PageCursor cursor = PageCursor.fromQuery(after);
        return cursor == null ? null : new PublicationFilter.Position(cursor.instantKey(), cursor.id());
    }

    private static Instant since(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw FieldProblems.invalid("since", "must be an ISO date (2026-11-25) or instant (2026-11-25T06:00:00Z)");
        }
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
        throw FieldProblems.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
