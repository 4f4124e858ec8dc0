package org.newsroom.ingest.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.newsroom.ingest.domain.Ingestion;
import org.newsroom.ingest.domain.Item;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

@Path("/api/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    @Inject
    Ingestion ingestion;

    /** 201 for a new item; 200 with the stored item when the source already sent it (no second event). */
    @POST
    public Response push(@Valid @NotNull ItemRequest request) {
        Ingestion.Intake intake = ingestion.ingest(request.toNewItem());
        ItemResponse body = ItemResponse.of(intake.item());
        if (!intake.created()) {
            return Response.ok(body).build();
        }
        return Response.created(URI.create("/api/items/" + body.id())).entity(body).build();
    }

    @GET
    @Path("{id}")
    public ItemResponse get(@PathParam("id") UUID id) {
        return Item.<Item>findByIdOptional(id).map(ItemResponse::of)
                .orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No item " + id)));
    }
}
