package org.newsroom.notify.api;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.newsroom.notify.domain.NotifySettings;
import org.newsroom.notify.subscription.Suppressions;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * For the mail provider's bounce/complaint webhook: the address is never mailed again. Protected by a shared secret
 * in the {@code X-Newsroom-Secret} header ({@code newsroom.notify.suppression-secret}); without that configured the
 * endpoint refuses every call. The secret is checked before the body is validated, so a caller without it learns
 * nothing about what the endpoint takes (401, never a 400 naming fields).
 */
@Path("/api/suppressions")
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionResource {
    static final String SECRET_HEADER = "X-Newsroom-Secret";

    @Inject
    Suppressions suppressions;

    @Inject
    Validator validator;

    @Inject
    NotifySettings config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response suppress(@HeaderParam(SECRET_HEADER) String presented, SuppressionRequest request) {
        Optional<String> secret = config.suppressionSecret();
        if (secret.isEmpty()
                || presented == null
                || !MessageDigest.isEqual(
                        secret.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(
                    Problem.of(Response.Status.UNAUTHORIZED, "A valid " + SECRET_HEADER + " header is required"));
        }
        if (request == null) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "A JSON body is required"));
        }
        Set<ConstraintViolation<SuppressionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        suppressions.suppress(request.email(), request.reason(), request.detail());
        return Response.noContent().build();
    }
}
