package org.newsroom.notify.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.newsroom.notify.domain.Subscriptions;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    @Inject
    Subscriptions subscriptions;

    /**
     * Always 202 PENDING, whether the address is new, pending or already active, so the API does not tell who
     * subscribed. New and pending addresses get a confirmation email.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@Valid @NotNull SubscriptionRequest request) {
        subscriptions.subscribe(request.email(), request.name());
        return Response.accepted(SubscriptionStatus.PENDING).build();
    }

    /** The double opt-in link of the confirmation email. */
    @GET
    @Path("confirm")
    public SubscriptionStatus confirm(@QueryParam("token") @NotBlank @Size(max = 64) String token) {
        return subscriptions.confirm(token)
                .map(subscriber -> new SubscriptionStatus(subscriber.status.name(), subscriber.email))
                .orElseThrow(() -> new ProblemException(
                        Problem.of(Response.Status.NOT_FOUND, "No subscription with this confirmation token")));
    }
}
