package org.newsroom.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refused access as RFC 7807 problems like every other error, in every service that takes tokens. A service
 * authenticates lazily ({@code quarkus.http.auth.proactive=false}) so that a bad token reaches these mappers too.
 */
public class SecurityProblems {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token (JWT) is required")
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** Names the roles the endpoint takes, so that the caller knows which token to ask for. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        RolesAllowed roles = rolesAllowed(resource);
        String detail = roles == null
                ? "Your role may not do this"
                : "Your role may not do this; it needs one of the roles " + String.join(", ", roles.value());
        return Problem.of(Response.Status.FORBIDDEN, detail).toResponse();
    }

    private static RolesAllowed rolesAllowed(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
}
