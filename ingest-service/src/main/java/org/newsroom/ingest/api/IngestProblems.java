package org.newsroom.ingest.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.ingest.domain.MissingHeadlineException;
import org.newsroom.ingest.domain.RegisteredSourceException;
import org.newsroom.ingest.domain.Source;
import org.newsroom.ingest.domain.UnknownFeedException;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * Ingest's refusals as RFC 7807 problems, in one place: the domain's exceptions are mapped here, and the resources
 * build their own refusals with these factories. A channel that names an item's fields its own way (ninjs) catches
 * the domain exception and answers with its field name through the same factory.
 */
public class IngestProblems {
    static final String EMPTY_HEADLINE = "nothing is left of the headline once sanitized";

    /** A push by hand may not speak for a registered source; the answer says which channel it takes instead. */
    @ServerExceptionMapper
    public Response registeredSource(RegisteredSourceException e) {
        String channel = Source.PARTNER.equals(e.kind())
                ? "partner push (/api/partners/" + e.source() + "/items, with its key)"
                : "feed";
        return Problem.of(
                        Response.Status.FORBIDDEN,
                        "Source " + e.source() + " is a registered " + e.kind() + ": its items come only through its "
                                + channel)
                .withErrors(List.of(new Problem.FieldError(
                        "source",
                        "must not name a registered source; use a name of your own for items pushed by hand")))
                .toResponse();
    }

    /** Named as {@link ItemRequest} names it; the partner push answers {@code headlines} itself. */
    @ServerExceptionMapper
    public Response missingHeadline(MissingHeadlineException e) {
        return unprocessable("headline", EMPTY_HEADLINE).problem().toResponse();
    }

    /** The source went away between the request's checks and the fetch. */
    @ServerExceptionMapper
    public Response unknownFeed(UnknownFeedException e) {
        return notFound(e.sourceId()).problem().toResponse();
    }

    static ProblemException notFound(UUID sourceId) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No source " + sourceId));
    }

    static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "The item has invalid fields")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    static ProblemException unprocessable(String field, String message) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", "The request cannot be applied")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    static ProblemException tooLarge(String field, String message) {
        return new ProblemException(Problem.of(413, "Content Too Large", "The item is larger than newsroom takes")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
