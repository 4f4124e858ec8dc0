package org.newsroom.notify.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.newsroom.events.EventType;
import org.newsroom.notify.webhook.UrlGuard;
import org.newsroom.notify.webhook.WebhookEndpoint;
import org.newsroom.notify.webhook.Webhooks;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/** Partner webhooks (admin role). Every publish event is POSTed to each endpoint, signed with its secret. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class WebhookResource {
    private static final Set<String> DELIVERY_STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

    @Inject
    Webhooks webhooks;

    @Inject
    UrlGuard urlGuard;

    /** 201 with the generated secret: the only time it is shown. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull WebhookRequest request) {
        urlGuard.refusal(request.url()).ifPresent(reason -> {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "Webhook URL refused: " + reason)
                    .withErrors(List.of(new Problem.FieldError("url", reason))));
        });
        List<String> types = request.eventTypes() == null ? List.of() : request.eventTypes();
        for (String type : types) {
            if (EventType.ofType(type).isEmpty()) {
                throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "Unknown event type " + type)
                        .withErrors(List.of(new Problem.FieldError("eventTypes", "unknown event type " + type))));
            }
        }
        WebhookEndpoint endpoint = webhooks.register(request.url(), types);
        return Response.created(URI.create("/api/webhooks/" + endpoint.id))
                .entity(WebhookView.of(endpoint, true))
                .build();
    }

    @GET
    public List<WebhookView> list() {
        return webhooks.list().stream().map(e -> WebhookView.of(e, false)).toList();
    }

    @GET
    @Path("{id}")
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.find(id).orElseThrow(() -> notFound(id)), false);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        if (!webhooks.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    /**
     * Deliveries to the endpoint, newest first, each with its calls (status code or error); {@code ?status=FAILED}
     * lists the dead letters.
     */
    @GET
    @Path("{id}/deliveries")
    public List<Webhooks.Delivery> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status) {
        webhooks.find(id).orElseThrow(() -> notFound(id));
        if (status != null && !DELIVERY_STATUSES.contains(status)) {
            throw new ProblemException(
                    Problem.of(Response.Status.BAD_REQUEST, "status must be one of " + DELIVERY_STATUSES));
        }
        return webhooks.deliveries(id, Optional.ofNullable(status));
    }

    /** Replays one delivery, whatever its outcome was. */
    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        if (!webhooks.redeliver(id, deliveryId)) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No delivery " + deliveryId));
        }
        return Response.accepted().build();
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No webhook " + id));
    }
}
