package org.newsroom.editorial.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.problem.Problem;

/**
 * Refused access as RFC 7807 problems like every other error. Authentication is not proactive
 * ({@code quarkus.http.auth.proactive=false}), so that a bad token reaches these mappers too.
 */
public class SecurityProblems {

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                "A valid bearer token (JWT) is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your role may not do this; it needs "
                + "an editor's or a chief editor's token (approvals, rejections, corrections, kills: chief-editor)")
                .toResponse();
    }
}
