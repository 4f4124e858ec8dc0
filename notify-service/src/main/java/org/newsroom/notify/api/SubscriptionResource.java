package org.newsroom.notify.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.newsroom.notify.subscription.Sections;
import org.newsroom.notify.subscription.Subscriber;
import org.newsroom.notify.subscription.Subscriptions;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;
import org.newsroom.web.ClientRateLimiter;

@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
    /** Signed tokens are base64url; anything else is refused before it reaches a page. */
    private static final String TOKEN = "[A-Za-z0-9_-]+";

    @Inject
    Subscriptions subscriptions;

    @Inject
    Sections sections;

    @Inject
    ClientRateLimiter signups;

    @Context
    RoutingContext routing;

    @Context
    HttpHeaders headers;

    /**
     * Always 202 PENDING, whether the address is new, pending, active or suppressed, so the API does not tell who
     * subscribed. New and pending addresses get a confirmation email. 429 when this client signed up too often.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@Valid @NotNull SubscriptionRequest request) {
        long retryAfter = SignupLimit.retryAfter(signups, routing);
        if (retryAfter > 0) {
            throw new ProblemException(
                    Problem.of(429, "Too Many Requests", "Too many sign-ups from this address; try again later")
                            .with("retryAfter", retryAfter));
        }
        subscriptions.subscribe(request.email(), request.name(), request.topics());
        return Response.accepted(SubscriptionStatus.PENDING).build();
    }

    /**
     * The double opt-in link of the confirmation email: a page whose button POSTs the confirmation. Opening it
     * changes nothing (mail scanners follow links). 404 for a forged token, 400 for an expired one.
     */
    @GET
    @Path("confirm")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmPage(@QueryParam("token") @NotBlank @Size(max = 128) @Pattern(regexp = TOKEN) String token) {
        return ReaderPages.confirm(subscriptions.byConfirmationToken(token), token);
    }

    /** Confirms (idempotent): JSON, or a page for a browser's form. 404 for a forged token, 400 for an expired one. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response confirm(@QueryParam("token") @NotBlank @Size(max = 128) @Pattern(regexp = TOKEN) String token) {
        Subscriber subscriber = subscriptions.confirm(token);
        return ReaderPages.wanted(headers) ? ReaderPages.confirmed(subscriber) : status(subscriber);
    }

    /**
     * One-click unsubscribe (RFC 8058): the target of every email's {@code List-Unsubscribe} header, POSTed by the
     * mail client with {@code List-Unsubscribe=One-Click}. No login: the signed token is the credential.
     */
    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response unsubscribe(@QueryParam("token") @NotBlank @Size(max = 128) @Pattern(regexp = TOKEN) String token) {
        Subscriber subscriber = subscriptions.unsubscribe(token);
        return ReaderPages.wanted(headers) ? ReaderPages.unsubscribed(subscriber, sections.all()) : status(subscriber);
    }

    /**
     * A reader following the unsubscribe link of the text body: a page whose button POSTs the one-click request.
     * A GET never unsubscribes by itself (link scanners follow links, RFC 8058 §3.1).
     */
    @GET
    @Path("unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribePage(
            @QueryParam("token") @NotBlank @Size(max = 128) @Pattern(regexp = TOKEN) String token) {
        return ReaderPages.unsubscribe(subscriptions.preferences(token), token);
    }

    /** The preferences link of every email: a page with forms (browsers), or the subscription as JSON. */
    @GET
    @Path("preferences")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response preferences(@QueryParam("token") @NotBlank @Size(max = 128) @Pattern(regexp = TOKEN) String token) {
        Subscriber subscriber = subscriptions.preferences(token);
        return ReaderPages.wanted(headers)
                ? ReaderPages.preferences(subscriber, sections.offeredTo(subscriber), token)
                : Response.ok(Preferences.of(subscriber), MediaType.APPLICATION_JSON_TYPE)
                        .build();
    }

    /** Topics as JSON; {@code paused}, when given, pauses or resumes the newsletter. */
    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Preferences changePreferences(
            @QueryParam("token") @NotBlank @Size(max = 128) @Pattern(regexp = TOKEN) String token,
            @Valid @NotNull PreferencesRequest request) {
        Subscriber subscriber = request.paused() == null
                ? subscriptions.changeTopics(token, request.topics())
                : subscriptions.changePreferences(token, request.topics(), request.paused());
        return Preferences.of(subscriber);
    }

    /**
     * The preferences page's form: its checked topics (repeated {@code topics}; a value may also list several,
     * comma-separated; none = everything) and {@code paused} (present = paused). The form's state replaces the stored
     * one.
     */
    @POST
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response changePreferencesForm(
            @QueryParam("token") @NotBlank @Size(max = 128) @Pattern(regexp = TOKEN) String token,
            @FormParam("topics") @Size(max = 100) List<@Size(max = 1000) String> topics,
            @FormParam("paused") @Size(max = 10) String paused) {
        Subscriber subscriber =
                subscriptions.changePreferences(token, Interests.parse(topics), paused != null && !paused.isBlank());
        return ReaderPages.wanted(headers)
                ? ReaderPages.saved(subscriber, sections.offeredTo(subscriber), token)
                : Response.ok(Preferences.of(subscriber), MediaType.APPLICATION_JSON_TYPE)
                        .build();
    }

    /**
     * "Sign out all links": every unsubscribe and preferences link mailed to this reader so far, this one included,
     * answers 410 from now on; the next email carries new ones.
     */
    @POST
    @Path("revoke")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response revokeLinks(@QueryParam("token") @NotBlank @Size(max = 128) @Pattern(regexp = TOKEN) String token) {
        Subscriber subscriber = subscriptions.revokeLinks(token);
        return ReaderPages.wanted(headers) ? ReaderPages.revoked() : status(subscriber);
    }

    private static Response status(Subscriber subscriber) {
        return Response.ok(
                        new SubscriptionStatus(subscriber.status.name(), subscriber.email),
                        MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
