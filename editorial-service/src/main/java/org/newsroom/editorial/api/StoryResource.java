package org.newsroom.editorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.editorial.domain.Desk;
import org.newsroom.editorial.domain.Story;
import org.newsroom.editorial.domain.StoryQuery;
import org.newsroom.editorial.domain.StoryStatus;
import org.newsroom.editorial.domain.StoryTransition;
import org.newsroom.editorial.domain.UnknownStoryException;
import org.newsroom.problem.Problem;

/**
 * The editors' API over stories. Every story representation carries an {@code ETag} (its version); an edit must
 * send it back in {@code If-Match} (428 without, 412 when stale). Workflow moves accept {@code If-Match} too and
 * are refused with 409 (and the allowed moves) when the story's status does not allow them.
 */
@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.EDITOR, Roles.CHIEF_EDITOR })
public class StoryResource {
    static final String NEXT_CURSOR = "X-Next-Cursor";

    @Inject
    Desk desk;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    @Operation(summary = "The editors' queue", description = "Stories matching all given filters, newest first "
            + "(or `order=oldest`; stable order by creation time, then id). Keyset paging: when more stories match, the response has "
            + "an X-Next-Cursor header (and a Link rel=next); pass it as `after` for the next page. `q` is a "
            + "PostgreSQL full-text search (web-search syntax) over headline, summary and editor's note; "
            + "`from`/`to` bound the creation time (ISO date or instant, `to` exclusive).")
    public Response queue(@QueryParam("status") List<String> status, @QueryParam("section") String section,
            @QueryParam("source") String source, @QueryParam("assignee") String assignee,
            @QueryParam("q") String text, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("after") String after, @QueryParam("order") @DefaultValue("newest") String order,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit, @Context UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<StoryStatus> statuses = statuses(status, errors);
        Instant fromTime = time("from", from, errors);
        Instant toTime = time("to", to, errors);
        StoryQuery.Cursor cursor = null;
        if (blankToNull(after) != null) {
            try {
                cursor = StoryQuery.Cursor.decode(after.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("after", "is not a cursor from X-Next-Cursor"));
            }
        }
        if (!order.equals("newest") && !order.equals("oldest")) {
            errors.add(new Problem.FieldError("order", "must be newest or oldest"));
        }
        if (!errors.isEmpty()) {
            throw StoryFields.invalid(errors);
        }
        StoryQuery.Page page = new StoryQuery(statuses, blankToNull(section), blankToNull(source),
                blankToNull(assignee), blankToNull(text), fromTime, toTime, cursor, order.equals("oldest"), limit).run();
        Response.ResponseBuilder response = Response.ok(page.stories().stream().map(StoryResponse::of).toList());
        if (page.next() != null) {
            String next = page.next().encode();
            response.header(NEXT_CURSOR, next)
                    .link(uri.getRequestUriBuilder().replaceQueryParam("after", next).build(), "next");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "A story: edited copy, source copy, workflow state; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        Story story = Story.<Story>findByIdOptional(id).orElseThrow(() -> new UnknownStoryException(id));
        return Response.ok(StoryResponse.withGrades(story)).tag(ETags.of(story.version)).build();
    }

    @GET
    @Path("{id}/history")
    @Transactional
    @Operation(summary = "The story's audit trail, oldest first: who, when, field diff, from/to status, reason")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        if (Story.findById(id) == null) {
            throw new UnknownStoryException(id);
        }
        return StoryTransition.history(id).stream().map(HistoryEntry::of).toList();
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @Operation(summary = "Edit the story (JSON merge patch)", description = "Fields: headline, summary (1-3 "
            + "paragraphs separated by a blank line, or an array of them), byline, editorsNote, sections (array), "
            + "outlet, outletUrl, assignee. A field left out is unchanged; null clears an optional one. Requires "
            + "If-Match with the ETag read; 412 if the story changed since. Only NEW, IN_REVIEW or REJECTED "
            + "stories can be edited (409 otherwise).")
    public Response edit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        long expected = ETags.required(ifMatch);
        Map<String, Object> values = StoryFields.parse(StoryFields.object(body), Set.of());
        return ok(desk.edit(id, expected, values, actor()));
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit the story for review: NEW or REJECTED → IN_REVIEW")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(desk.submit(id, ETags.optional(ifMatch), actor()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Operation(summary = "Approve the story for publication (chief editor): IN_REVIEW (or NEW) → APPROVED",
            description = "Announces news.story.approved.v1 with the edited copy.")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(desk.approve(id, ETags.optional(ifMatch), actor()));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Operation(summary = "Reject the story (chief editor): IN_REVIEW → REJECTED; body {\"reason\": \"…\"} optional")
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        String reason = body == null || body.isBlank() ? null : optionalText(StoryFields.object(body), "reason");
        return ok(desk.reject(id, ETags.optional(ifMatch), actor(), reason));
    }

    @POST
    @Path("{id}/correct")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a published story (chief editor): PUBLISHED or CORRECTED → CORRECTED",
            description = "Body: {\"note\": \"what was corrected\", …editable fields to change}. Announces "
                    + "news.story.corrected.v1 with the corrected copy.")
    public Response correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        ObjectNode json = StoryFields.object(body);
        String note = requiredText(json, "note");
        Map<String, Object> values = StoryFields.parse(json, Set.of("note"));
        return ok(desk.correct(id, ETags.optional(ifMatch), actor(), note, values));
    }

    @POST
    @Path("{id}/kill")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retract a published story (chief editor): PUBLISHED or CORRECTED → KILLED",
            description = "Body: {\"reason\": \"…\"} (required). Announces news.story.killed.v1.")
    public Response kill(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        String reason = requiredText(StoryFields.object(body), "reason");
        return ok(desk.kill(id, ETags.optional(ifMatch), actor(), reason));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    static Response ok(Story story) {
        return Response.ok(StoryResponse.of(story)).tag(ETags.of(story.version)).build();
    }

    private static String requiredText(ObjectNode json, String field) {
        String text = optionalText(json, field);
        if (text == null) {
            throw StoryFields.invalid(List.of(new Problem.FieldError(field, "must not be blank")));
        }
        return text;
    }

    private static String optionalText(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().strip().length() > 5_000) {
            throw StoryFields.invalid(List.of(new Problem.FieldError(field, "must be text of at most 5000 characters")));
        }
        return blankToNull(value.asText());
    }

    private static Set<StoryStatus> statuses(List<String> values, List<Problem.FieldError> errors) {
        Set<StoryStatus> statuses = EnumSet.noneOf(StoryStatus.class);
        for (String value : values == null ? List.<String>of() : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(StoryStatus.valueOf(name.strip().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError("status", "unknown status " + name.strip() + "; one of "
                            + List.of(StoryStatus.values())));
                }
            }
        }
        return statuses;
    }

    private static Instant time(String field, String value, List<Problem.FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO date (2026-11-25) or instant"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
