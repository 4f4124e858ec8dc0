package org.newsroom.notify.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.newsroom.notify.subscription.Sections;
import org.newsroom.notify.subscription.Subscriptions;
import org.newsroom.web.ClientRateLimiter;

/**
 * The site's subscribe box: a plain HTML form on publish-service's pages (and on these pages) posting here across
 * origins. A form POST is a navigation, not a script's request, so no CORS is involved; the pages' CSP
 * {@code form-action} is what allows it. The answer is the same page whether the address was new, pending, active or
 * suppressed, so it tells nobody who subscribed.
 */
@Path("/subscribe")
public class SubscribeForm {

    @Inject
    Subscriptions subscriptions;

    @Inject
    Sections sections;

    @Inject
    ClientRateLimiter signups;

    @Inject
    Validator validator;

    @Context
    RoutingContext routing;

    /**
     * "Check your inbox" (200) for any address; 400 "Check the address" with the form again for one that is not an
     * email address; 429 beyond the sign-up limit (as the JSON API). Topics are the box's repeated {@code topics}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response subscribe(@FormParam("email") String email, @FormParam("topics") List<String> topics) {
        SubscriptionRequest request = new SubscriptionRequest(email, null, topics);
        Set<ConstraintViolation<SubscriptionRequest>> violations = validator.validate(request);
        if (violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("email"))) {
            return ReaderPages.page(Response.Status.BAD_REQUEST, ReaderPages.Templates.checkAddress(sections.all()));
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        long retryAfter = SignupLimit.retryAfter(signups, routing);
        if (retryAfter > 0) {
            return Response.fromResponse(ReaderPages.page(
                            Response.Status.TOO_MANY_REQUESTS,
                            ReaderPages.Templates.linkProblem(
                                    "Too many sign-ups",
                                    "This connection asked for the newsletter too often.",
                                    "Try again later.",
                                    sections.all())))
                    .header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .build();
        }
        subscriptions.subscribe(request.email(), request.name(), request.topics());
        return ReaderPages.page(ReaderPages.Templates.checkInbox());
    }
}
