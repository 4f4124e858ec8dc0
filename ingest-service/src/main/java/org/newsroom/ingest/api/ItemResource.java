package org.newsroom.ingest.api;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroom.ingest.domain.Ingestion;
import org.newsroom.ingest.domain.Item;
import org.newsroom.ingest.domain.ItemLimits;
import org.newsroom.problem.KeysetPages;
import org.newsroom.problem.PageCursor;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/** Items for the desk; pushing one by hand takes any desk or ops token, but never speaks for a registered source. */
@Path("/api/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.CHIEF_EDITOR, Roles.INGEST_ADMIN})
public class ItemResource {

    @Inject
    Ingestion ingestion;

    /**
     * 201 for a new item; 200 with the stored item when the source already sent it (no second event). 403 when
     * {@code source} names a registered source (feed or partner), whose items come only through its own channel;
     * 422 when nothing is left of the headline once sanitized ({@link IngestProblems}).
     */
    @POST
    public Response push(@Valid @NotNull ItemRequest request, @Context SecurityContext caller) {
        if (request.summary() != null && request.summary().length() > ItemLimits.SUMMARY_CHARS) {
            throw IngestProblems.tooLarge(
                    "summary", "must be at most %,d characters".formatted(ItemLimits.SUMMARY_CHARS));
        }
        Ingestion.Intake intake = ingestion.ingestManual(
                request.toNewItem(), caller.getUserPrincipal().getName());
        ItemResponse body = ItemResponse.of(intake.item());
        if (!intake.created()) {
            return Response.ok(body).build();
        }
        return Response.created(URI.create("/api/items/" + body.id()))
                .entity(body)
                .build();
    }

    /**
     * Items in the order they were ingested, keyset-paged like every list ({@link KeysetPages}): a full page names
     * the next in {@code X-Next-Cursor} and {@code Link rel=next}, given back as {@code after}. {@code source}
     * filters by source, {@code cluster} gives the reports of one story.
     */
    @GET
    @APIResponse(
            responseCode = "200",
            description = "One page of items; a full page names the next",
            headers = {
                @Header(name = KeysetPages.NEXT_CURSOR, description = "pass as ?after= for the next page"),
                @Header(name = "Link", description = "the next page's URL, rel=\"next\"")
            },
            content = @Content(schema = @Schema(implementation = ItemResponse.class, type = SchemaType.ARRAY)))
    public Response list(
            @QueryParam("source") String source,
            @QueryParam("cluster") String cluster,
            @QueryParam(PageCursor.PARAMETER) String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Context UriInfo uri) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (source != null && !source.isBlank()) {
            query.append(" and source = :source");
            params.put("source", source);
        }
        if (cluster != null && !cluster.isBlank()) {
            query.append(" and clusterId = :cluster");
            params.put("cluster", clusterId(cluster));
        }
        PageCursor cursor = PageCursor.fromQuery(after);
        if (cursor != null) {
            query.append(" and (ingestedAt > :at or (ingestedAt = :at and id > :id))");
            params.put("at", cursor.instantKey());
            params.put("id", cursor.id());
        }
        List<Item> items = Item.<Item>find(
                        query.toString(), Sort.by("ingestedAt").and("id"), params)
                .page(Page.ofSize(limit))
                .list();
        Item last = items.size() == limit ? items.get(items.size() - 1) : null;
        return KeysetPages.withNext(
                        Response.ok(items.stream().map(ItemResponse::of).toList()),
                        last == null ? null : PageCursor.of(last.ingestedAt, last.id),
                        uri)
                .build();
    }

    private static UUID clusterId(String cluster) {
        try {
            return UUID.fromString(cluster.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "Not a cluster id: " + cluster)
                    .withErrors(
                            List.of(new Problem.FieldError("cluster", "must be the clusterId (a UUID) of an item"))));
        }
    }

    /** One item with its versions. */
    @GET
    @Path("{id}")
    public ItemResponse get(@PathParam("id") UUID id) {
        return Item.<Item>findByIdOptional(id)
                .map(ItemResponse::withVersions)
                .orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No item " + id)));
    }
}
