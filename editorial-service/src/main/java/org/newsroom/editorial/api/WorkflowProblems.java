package org.newsroom.editorial.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.editorial.domain.DeskRuleException;
import org.newsroom.editorial.domain.EditionApprovedException;
import org.newsroom.editorial.domain.EditionEmbargoException;
import org.newsroom.editorial.domain.EditionRuleException;
import org.newsroom.editorial.domain.EmbargoException;
import org.newsroom.editorial.domain.EventTooLargeException;
import org.newsroom.editorial.domain.IllegalTransitionException;
import org.newsroom.editorial.domain.NotEditableException;
import org.newsroom.editorial.domain.StaleStoryException;
import org.newsroom.editorial.domain.UnknownEditionException;
import org.newsroom.editorial.domain.UnknownStoryException;
import org.newsroom.editorial.preview.RendererUnavailableException;
import org.newsroom.problem.Problem;

/** The desk's refusals as RFC 7807 problems. */
public class WorkflowProblems {

    /** The preview's renderer (publish or notify) is down or refused: a bad gateway, naming it, never a 500. */
    @ServerExceptionMapper
    public Response rendererUnavailable(RendererUnavailableException e) {
        return Problem.of(Response.Status.BAD_GATEWAY, e.getMessage())
                .with("service", e.service())
                .toResponse();
    }

    /** A refused workflow move is a conflict with the story's state; the body says which moves are possible. */
    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage())
                .with("currentStatus", e.from())
                .with("allowedTransitions", e.allowed())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notEditable(NotEditableException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage())
                .with("currentStatus", e.status())
                .with("allowedTransitions", e.status().allowedNext())
                .toResponse();
    }

    /** A write based on an old version: nothing was written; the client reloads (current ETag given) and retries. */
    @ServerExceptionMapper
    public Response stale(StaleStoryException e) {
        return Response.fromResponse(Problem.of(Response.Status.PRECONDITION_FAILED, e.getMessage())
                        .with("currentVersion", e.currentVersion())
                        .with("currentETag", ETags.header(e.currentVersion()))
                        .toResponse())
                .header(HttpHeaders.ETAG, ETags.header(e.currentVersion()))
                .build();
    }

    /** Two writes of the same version raced and this one lost at the database: the same as a stale If-Match. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response lostRace(RuntimeException e) {
        return Problem.of(
                        Response.Status.PRECONDITION_FAILED,
                        "The resource changed while your write was applied; reload it and apply your change again")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unknown(UnknownStoryException e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownEdition(UnknownEditionException e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response editionApproved(EditionApprovedException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    /** The request is well-formed but places stories the desk's rules keep out of an edition. */
    @ServerExceptionMapper
    public Response editionRules(EditionRuleException e) {
        return Problem.of(422, "Unprocessable Content", e.getMessage())
                .withErrors(e.violations().stream()
                        .map(v -> new Problem.FieldError(v.field(), v.message()))
                        .toList())
                .toResponse();
    }

    /** The refusal names the embargo, so a client can schedule the approval at or after it. */
    @ServerExceptionMapper
    public Response embargoed(EmbargoException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage())
                .with("embargoedUntil", e.embargoedUntil().toString())
                .toResponse();
    }

    /**
     * The refusal names each story still held at the edition's time (where it is placed, its id, headline and hold)
     * and the earliest time the edition may be scheduled for.
     */
    @ServerExceptionMapper
    public Response editionEmbargoed(EditionEmbargoException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage())
                .withErrors(e.held().stream()
                        .map(h -> new Problem.FieldError(h.field(), h.describe()))
                        .toList())
                .with("heldStories", e.held())
                .with("earliestPublishAt", e.earliestPublishAt().toString())
                .toResponse();
    }

    /** Nothing was changed: the event announcing the change would not fit in a Kafka record. */
    @ServerExceptionMapper
    public Response eventTooLarge(EventTooLargeException e) {
        return Problem.of(422, "Unprocessable Content", e.getMessage())
                .withErrors(List.of(new Problem.FieldError(e.field(), "takes " + e.fieldBytes() + " bytes of it")))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response deskRule(DeskRuleException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }
}
