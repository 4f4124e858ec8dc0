package org.newsroom.editorial.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.editorial.domain.EditorialSettings;
import org.newsroom.editorial.domain.Limits;
import org.newsroom.editorial.domain.Story;
import org.newsroom.editorial.feedback.Grade;
import org.newsroom.editorial.feedback.Letter;
import org.newsroom.problem.FieldProblems;
import org.newsroom.problem.KeysetPages;
import org.newsroom.problem.PageCursor;
import org.newsroom.problem.Problem;

/**
 * Reader feedback: public (no token), validated and rate-limited per client address (grades also per publication);
 * letters go to an inbox.
 */
@Path("/api")
@Tag(name = "Reader feedback", description = "Grades and letters from readers (public), the editors' inbox")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {
    private static final String TOO_LONG = "must be at most {max} characters";

    @Schema(description = "A reader's grade of a publication")
    public record GradeRequest(
            @Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") @NotNull
            UUID publicationId,

            @Schema(example = "5", minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5)
            Integer grade) {}

    @Schema(description = "A letter to the editor")
    public record LetterRequest(
            @Schema(example = "Ada", maxLength = Limits.LETTER_NAME)
            @NotBlank
            @Size(max = Limits.LETTER_NAME, message = TOO_LONG)
            String name,

            @Schema(example = "ada@example.org", maxLength = Limits.EMAIL)
            @NotBlank
            @Email
            @Size(max = Limits.EMAIL, message = TOO_LONG)
            String email,

            @Schema(description = "The publication it is about (optional)")
            UUID publicationId,

            @Schema(example = "Dear editor, …", maxLength = Limits.LETTER)
            @NotBlank
            @Size(max = Limits.LETTER, message = TOO_LONG)
            String text) {}

    @Schema(description = "A letter in the editors' inbox")
    public record LetterResponse(
            UUID id,
            @Schema(example = "Ada") String name,
            @Schema(example = "ada@example.org") String email,
            UUID publicationId,
            @Schema(example = "Dear editor, …") String text,
            Instant receivedAt,

            @Schema(description = "The story published as that publication, when editorial knows it")
            AboutStory story) {
        static LetterResponse of(Letter l, AboutStory story) {
            return new LetterResponse(l.id, l.name, l.email, l.publicationId, l.text, l.createdAt, story);
        }
    }

    @Schema(description = "The story a letter is about")
    public record AboutStory(
            UUID id,
            @Schema(example = "Rates stay on hold") String headline,

            @Schema(example = "https://news.example.org/stories/rates-stay-on-hold")
            String publicationUrl) {
        /** The stories published as these publications, by publication id, looked up at once for a page of letters. */
        static Map<UUID, AboutStory> of(Collection<UUID> publicationIds) {
            // A HashMap: letters about no publication look themselves up with a null key.
            Map<UUID, AboutStory> stories = new HashMap<>();
            if (publicationIds.isEmpty()) {
                return stories;
            }
            Story.<Story>list("publicationId in ?1", publicationIds)
                    .forEach(s -> stories.put(s.publicationId, new AboutStory(s.id, s.headline, s.publicationUrl)));
            return stories;
        }
    }

    /** The article page's grade form, as a browser posts it. */
    public static class GradeForm {
        @FormParam("publicationId")
        UUID publicationId;

        @FormParam("grade")
        Integer grade;

        @FormParam("returnTo")
        String returnTo;
    }

    /** The article page's letter form, as a browser posts it. */
    public static class LetterForm {
        @FormParam("name")
        String name;

        @FormParam("email")
        String email;

        @FormParam("publicationId")
        UUID publicationId;

        @FormParam("text")
        String text;

        @FormParam("returnTo")
        String returnTo;
    }

    @Inject
    FeedbackLimits limits;

    @Inject
    Validator validator;

    /** Form posts are answered with the public site's thank-you pages: see {@link #thanks}. */
    @Inject
    EditorialSettings settings;

    @Context
    HttpServerRequest request;

    @POST
    @Path("feedback/grades")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Grade a publication 1–5",
            description = "Public (no token). Rate-limited per client "
                    + "address, and to a few grades of one publication per client a day (429 with Retry-After and "
                    + "retryAfterSeconds). Answers the publication's grade count and average.")
    @SecurityRequirements
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GradeRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "grade",
                                            value =
                                                    "{\"publicationId\": \"7c9e6679-7425-40de-944b-e07fc1f90ae7\", \"grade\": 5}")))
    @APIResponse(
            responseCode = "201",
            description = "Counted; the publication's grades so far",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Grade.Summary.class),
                            examples = @ExampleObject(name = "summary", value = "{\"count\": 2, \"average\": 4.5}")))
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "tooMany")
    public Response grade(@NotNull @Valid GradeRequest body) {
        String client = admit();
        long retryAfter = limits.grade(body.publicationId(), client);
        if (retryAfter > 0) {
            throw new TooMuchFeedback(
                    "You graded this publication often enough today; try again in " + retryAfter + " s", retryAfter);
        }
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
    @Path("feedback/grades")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @Operation(
            summary = "Grade a publication from the article page's form",
            description =
                    "Public (no token): "
                            + "the same as the JSON request, as an HTML form posts it (publicationId, grade). With a `returnTo` on "
                            + "the public site the answer is 303 See Other to the site's thank-you page (`/thanks/grade?returnTo=<that page's path>`), otherwise 201 as for JSON.")
    @SecurityRequirements
    @APIResponse(responseCode = "303", description = "Counted; to the site's thank-you page")
    @APIResponse(responseCode = "201", description = "Counted; the publication's grades so far")
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "tooMany")
    public Response gradeForm(@BeanParam GradeForm form) {
        Response counted = grade(valid(new GradeRequest(form.publicationId, form.grade)));
        return thanks("grade", form.returnTo).orElse(counted);
    }

    @POST
    @Path("feedback/letters")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Write a letter to the editor",
            description = "Public (no token): name, email, text up "
                    + "to " + Limits.LETTER
                    + " characters (longer: 413 naming the field), optionally the publication it "
                    + "is about. Rate-limited per client address. The letter lands in the editors' inbox.")
    @SecurityRequirements
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LetterRequest.class),
                            examples = @ExampleObject(name = "letter", value = ApiExamples.LETTER)))
    @APIResponse(
            responseCode = "201",
            description = "Received",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LetterResponse.class)))
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "tooLarge")
    @APIResponse(ref = "tooMany")
    public Response letter(@NotNull LetterRequest body) {
        return receive(valid(body));
    }

    private Response receive(LetterRequest body) {
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
        return Response.status(Response.Status.CREATED)
                .entity(LetterResponse.of(letter, null))
                .build();
    }

    @POST
    @Path("feedback/letters")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @Operation(
            summary = "Write a letter from the article page's form",
            description =
                    "Public (no token): the "
                            + "same as the JSON request, as an HTML form posts it (name, email, text, optionally publicationId). "
                            + "With a `returnTo` on the public site the answer is 303 See Other to the site's thank-you page (`/thanks/letter?returnTo=<that page's path>`), otherwise 201. Line breaks sent as CRLF count as one character, as the form's maxlength counts them.")
    @SecurityRequirements
    @APIResponse(responseCode = "303", description = "Received; to the site's thank-you page")
    @APIResponse(responseCode = "201", description = "Received")
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "tooLarge")
    @APIResponse(ref = "tooMany")
    public Response letterForm(@BeanParam LetterForm form) {
        Response received =
                receive(valid(new LetterRequest(form.name, form.email, form.publicationId, asTyped(form.text))));
        return thanks("letter", form.returnTo).orElse(received);
    }

    @GET
    @Path("letters")
    @RolesAllowed({Roles.EDITOR, Roles.CHIEF_EDITOR})
    @Transactional
    @Operation(
            summary = "The editors' inbox of letters",
            description = "Newest first (editor or chief-editor). "
                    + "Keyset pages: when more letters remain, the X-Next-Cursor header (and a Link rel=next) gives the "
                    + "`after` of the next page.")
    @APIResponse(
            responseCode = "200",
            description = "One page of letters",
            headers = @Header(name = KeysetPages.NEXT_CURSOR, description = "The `after` of the next page"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = LetterResponse.class),
                            examples = @ExampleObject(name = "inbox", value = ApiExamples.INBOX)))
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response letters(
            @Parameter(description = "How many, 1 to 200", example = "50")
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(1)
                    @Max(200)
                    int limit,
            @Parameter(description = "The X-Next-Cursor of the previous page") @QueryParam("after") String after,
            @Context UriInfo uri) {
        List<Letter> letters = Letter.inbox(PageCursor.fromQuery(after), limit);
        PageCursor next = null;
        if (letters.size() > limit) {
            letters = letters.subList(0, limit);
            Letter last = letters.get(limit - 1);
            next = PageCursor.of(last.createdAt, last.id);
        }
        Map<UUID, AboutStory> stories = AboutStory.of(letters.stream()
                .map(l -> l.publicationId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return KeysetPages.withNext(
                        Response.ok(letters.stream()
                                .map(l -> LetterResponse.of(l, stories.get(l.publicationId)))
                                .toList()),
                        next,
                        uri)
                .build();
    }

    /**
     * A form is checked by the rules of the JSON request it stands for, so the two cannot drift apart. Values that
     * are only too long get a 413, like an editor's (see {@link FieldProblems#tooLarge}).
     */
    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        if (violations.stream().allMatch(v -> v.getConstraintDescriptor().getAnnotation() instanceof Size)) {
            throw FieldProblems.tooLarge(violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList());
        }
        throw new ConstraintViolationException(violations);
    }

    /**
     * Browsers send a textarea's line breaks as CRLF, while its {@code maxlength} counted each as one character: a
     * letter the form accepted must not be refused here for its line breaks.
     */
    private static String asTyped(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }

    /**
     * After a form post from one of the public site's pages, the reader lands on the site's thank-you page for this
     * kind of feedback, which links back to that page ({@code /thanks/grade?returnTo=/stories/…}). Any other
     * {@code returnTo} gets no redirect at all: this is no open redirect, and the site checks the path again.
     */
    private Optional<Response> thanks(String kind, String returnTo) {
        String site = settings.publicSiteUrl().replaceAll("/+$", "");
        if (returnTo == null || !returnTo.startsWith(site + "/")) {
            return Optional.empty();
        }
        String page = URLEncoder.encode(returnTo.substring(site.length()), StandardCharsets.UTF_8);
        return Optional.of(Response.seeOther(URI.create(site + "/thanks/" + kind + "?returnTo=" + page))
                .build());
    }

    /**
     * The client's address (the peer's, or X-Forwarded-For's when the peer is a trusted proxy: Quarkus resolves it),
     * admitted if it has feedback budget left.
     */
    private String admit() {
        String client = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        long retryAfter = limits.feedback(client);
        if (retryAfter > 0) {
            throw new TooMuchFeedback(
                    "Too much feedback from your address; try again in " + retryAfter + " s", retryAfter);
        }
        return client;
    }

    /** A refusal for now: the client may come back after {@code retryAfter} seconds. */
    static final class TooMuchFeedback extends RuntimeException {
        private final long retryAfter;

        TooMuchFeedback(String message, long retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }

    @ServerExceptionMapper
    public Response tooMuch(TooMuchFeedback e) {
        return Response.fromResponse(Problem.of(429, "Too Many Requests", e.getMessage())
                        .with("retryAfterSeconds", e.retryAfter)
                        .toResponse())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter)
                .build();
    }
}
