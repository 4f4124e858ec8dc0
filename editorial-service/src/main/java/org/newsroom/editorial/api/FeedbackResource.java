package org.newsroom.editorial.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.editorial.feedback.Grade;
import org.newsroom.editorial.feedback.Letter;
import org.newsroom.editorial.feedback.RateLimiter;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/** Reader feedback: public (no token), validated and rate-limited per client address; letters go to an inbox. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    public record GradeRequest(@NotNull UUID publicationId, @NotNull @Min(1) @Max(5) Integer grade) {
    }

    public record LetterRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
            UUID publicationId, @NotBlank @Size(max = 5000) String text) {
    }

    public record LetterResponse(UUID id, String name, String email, UUID publicationId, String text,
            Instant receivedAt) {
        static LetterResponse of(Letter l) {
            return new LetterResponse(l.id, l.name, l.email, l.publicationId, l.text, l.createdAt);
        }
    }

    @Inject
    RateLimiter limiter;

    @Context
    HttpServerRequest request;

    @POST
    @Path("feedback/grades")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Grade a publication 1–5 (public; rate-limited per client)")
    public Response grade(@NotNull @Valid GradeRequest body) {
        String client = admit();
        Grade grade = new Grade();
        grade.publicationId = body.publicationId();
        grade.grade = body.grade().shortValue();
        grade.client = client;
        grade.createdAt = Instant.now();
        grade.persist();
        Grade.Summary summary = Grade.of(body.publicationId());
        return Response.status(Response.Status.CREATED).entity(summary).build();
    }

    @POST
    @Path("feedback/letters")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Write a letter to the editor (public; text up to 5000 characters; rate-limited)")
    public Response letter(@NotNull @Valid LetterRequest body) {
        String client = admit();
        Letter letter = new Letter();
        letter.id = UUID.randomUUID();
        letter.name = body.name().strip();
        letter.email = body.email().strip();
        letter.publicationId = body.publicationId();
        letter.text = body.text().strip();
        letter.client = client;
        letter.createdAt = Instant.now();
        letter.persist();
        return Response.status(Response.Status.CREATED).entity(LetterResponse.of(letter)).build();
    }

    @GET
    @Path("letters")
    @RolesAllowed({ Roles.EDITOR, Roles.CHIEF_EDITOR })
    @Transactional
    @Operation(summary = "The editors' inbox of letters, newest first")
    public List<LetterResponse> letters(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return Letter.<Letter>find("order by createdAt desc, id desc").page(0, limit).list().stream()
                .map(LetterResponse::of).toList();
    }

    private String admit() {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long retryAfter = limiter.acquire(client);
        if (retryAfter > 0) {
            throw new ProblemException(Problem.of(429, "Too Many Requests",
                    "Too much feedback from your address; try again in " + retryAfter + " s")
                    .with("retryAfterSeconds", retryAfter));
        }
        return client;
    }
}
