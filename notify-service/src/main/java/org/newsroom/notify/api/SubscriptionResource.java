package org.newsroom.notify.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.newsroom.notify.domain.Subscriber;
import org.newsroom.notify.domain.Subscriptions;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    SignupRateLimiter rateLimiter;

    @Context
    RoutingContext routing;

    /**
     * Always 202 PENDING, whether the address is new, pending, active or suppressed, so the API does not tell who
     * subscribed. New and pending addresses get a confirmation email. 429 when this client signed up too often.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@Valid @NotNull SubscriptionRequest request) {
        String client = routing.request().remoteAddress() == null ? "unknown"
                : routing.request().remoteAddress().hostAddress();
        if (!rateLimiter.tryAcquire(client)) {
            throw new ProblemException(Problem.of(429, "Too Many Requests",
                    "Too many sign-ups from this address; try again later")
                    .with("retryAfter", rateLimiter.retryAfterSeconds(client)));
        }
        subscriptions.subscribe(request.email(), request.name(), request.topics());
        return Response.accepted(SubscriptionStatus.PENDING).build();
    }

    /** The double opt-in link of the confirmation email: 404 for a forged token, 400 for an expired one. */
    @GET
    @Path("confirm")
    public SubscriptionStatus confirm(@QueryParam("token") @NotBlank @Size(max = 128) String token) {
        Subscriber subscriber = subscriptions.confirm(token);
        return new SubscriptionStatus(subscriber.status.name(), subscriber.email);
    }

    /**
     * One-click unsubscribe (RFC 8058): the target of every email's {@code List-Unsubscribe} header, POSTed by the
     * mail client with {@code List-Unsubscribe=One-Click}. No login: the signed token is the credential.
     */
    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.WILDCARD)
    public SubscriptionStatus unsubscribe(@QueryParam("token") @NotBlank @Size(max = 128) String token) {
        Subscriber subscriber = subscriptions.unsubscribe(token);
        return new SubscriptionStatus(subscriber.status.name(), subscriber.email);
    }

    /**
     * A reader following the unsubscribe link of the text body: a page whose button POSTs the one-click request.
     * A GET never unsubscribes by itself (link scanners follow links, RFC 8058 §3.1).
     */
    @GET
    @Path("unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribePage(@QueryParam("token") @NotBlank @Size(max = 128) String token) {
        subscriptions.preferences(token);
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head>
                <body><form method="post" action="unsubscribe?token=%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <p>Stop receiving the newsletter at this address?</p>
                <button type="submit">Unsubscribe</button></form></body></html>
                """.formatted(token);
    }

    @GET
    @Path("preferences")
    public Preferences preferences(@QueryParam("token") @NotBlank @Size(max = 128) String token) {
        return Preferences.of(subscriptions.preferences(token));
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Preferences changePreferences(@QueryParam("token") @NotBlank @Size(max = 128) String token,
            @Valid @NotNull PreferencesRequest request) {
        return Preferences.of(subscriptions.changeTopics(token, request.topics()));
    }
}
