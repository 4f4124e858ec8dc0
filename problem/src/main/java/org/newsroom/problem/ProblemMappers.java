package org.newsroom.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every refusal into an RFC 7807 body, so clients parse one error shape from every service. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Long enough for a pool to free a connection or a restarted database to accept them again. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields")
                .withErrors(errors)
                .toResponse();
    }

    /**
     * A JSON body of the wrong shape (e.g. "not-a-uuid" for a UUID) names the field; without this more specific
     * mapper Quarkus' built-in plain-JSON answer would win.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().isEmpty()
                ? null
                : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return Problem.of(Response.Status.BAD_REQUEST, "The body does not have the expected shape")
                .withErrors(
                        List.of(new Problem.FieldError(field == null ? "body" : field, "has the wrong type or format")))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "The body is not valid JSON: " + e.getOriginalMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage())
                .toResponse();
    }

    /**
     * A database that is away or overloaded is not a bug: the client is told to come back shortly (503 with
     * Retry-After), and the log gets one line per refusal instead of a stack trace, since an outage refuses many.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Optional<Throwable> databaseAway = DatabaseUnavailable.find(e);
        if (databaseAway.isPresent()) {
            LOG.warnf("Answered 503, the database is unavailable: %s", databaseAway.get());
            return databaseUnavailable();
        }
        LOG.error("Unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected failure; see the service log")
                .toResponse();
    }

    private static Response databaseUnavailable() {
        return Response.fromResponse(Problem.of(
                                Response.Status.SERVICE_UNAVAILABLE,
                                "The service is temporarily unable to reach its database; retry in "
                                        + DATABASE_RETRY_AFTER_SECONDS + " seconds")
                        .with("retryAfterSeconds", DATABASE_RETRY_AFTER_SECONDS)
                        .toResponse())
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .build();
    }

    /** The last node of the property path, e.g. {@code headline} of {@code create.request.headline}. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
