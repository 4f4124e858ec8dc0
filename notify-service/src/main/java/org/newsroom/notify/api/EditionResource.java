package org.newsroom.notify.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.newsroom.notify.newsletter.Newsletter;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/** Delivery statistics (admin role): who got what is the newsroom's business, not the public's. */
@Path("/api/editions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class EditionResource {

    @Inject
    Newsletter newsletter;

    /** How the emails about a publication are doing; 404 until its event reached this service. */
    @GET
    @Path("{id}/deliveries")
    public Newsletter.Summary deliveries(@PathParam("id") UUID id) {
        return newsletter
                .editionSummary(id)
                .orElseThrow(() -> new ProblemException(
                        Problem.of(Response.Status.NOT_FOUND, "No deliveries known for edition " + id)));
    }
}
