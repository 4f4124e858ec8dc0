package org.newsroom.editorial.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.newsroom.editorial.domain.Desk;
import org.newsroom.editorial.domain.Story;
import org.newsroom.editorial.domain.StoryStatus;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.EDITOR, Roles.CHIEF_EDITOR })
public class StoryResource {

    @Inject
    Desk desk;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<StoryResponse> queue(@QueryParam("status") @DefaultValue("NEW") StoryStatus status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return Story.queue(status, limit).stream().map(StoryResponse::of).toList();
    }

    @GET
    @Path("{id}")
    public StoryResponse get(@PathParam("id") UUID id) {
        return Story.<Story>findByIdOptional(id).map(StoryResponse::of).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    public StoryResponse approve(@PathParam("id") UUID id) {
        return desk.approve(id, identity.getPrincipal().getName()).map(StoryResponse::of)
                .orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No story " + id));
    }
}
