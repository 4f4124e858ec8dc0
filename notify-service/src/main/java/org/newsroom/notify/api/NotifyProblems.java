package org.newsroom.notify.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.notify.subscription.ExpiredConfirmationException;
import org.newsroom.notify.subscription.RevokedLinkException;
import org.newsroom.notify.subscription.UnknownTokenException;
import org.newsroom.problem.Problem;

/** The domain's refusals as RFC 7807 problems: the one place that decides their status codes. */
public class NotifyProblems {

    /** A forged or mangled link: as if no such subscription existed. */
    @ServerExceptionMapper
    public Response unknownToken(UnknownTokenException e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response expiredConfirmation(ExpiredConfirmationException e) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
    }

    /** Gone, not 404: the link was genuine, and the reader should look for a newer one. */
    @ServerExceptionMapper
    public Response revokedLink(RevokedLinkException e) {
        return Problem.of(Response.Status.GONE, e.getMessage()).toResponse();
    }
}
