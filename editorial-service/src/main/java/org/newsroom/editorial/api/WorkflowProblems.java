package org.newsroom.editorial.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.editorial.domain.IllegalTransitionException;
import org.newsroom.problem.Problem;

/** A refused workflow move is a conflict with the story's state; the body says which moves are possible. */
public class WorkflowProblems {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage())
                .with("currentStatus", e.from())
                .with("allowedTransitions", e.allowed())
                .toResponse();
    }
}
