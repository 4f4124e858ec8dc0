package org.newsroom.editorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.newsroom.editorial.domain.Cluster;
import org.newsroom.editorial.domain.Desk;
import org.newsroom.editorial.domain.Limits;
import org.newsroom.editorial.domain.NewStories;
import org.newsroom.editorial.domain.Story;
import org.newsroom.editorial.domain.StoryQuery;
import org.newsroom.editorial.domain.StoryStatus;
import org.newsroom.editorial.domain.StoryTransition;
import org.newsroom.editorial.domain.UnknownStoryException;
import org.newsroom.problem.FieldProblems;
import org.newsroom.problem.KeysetPages;
import org.newsroom.problem.PageCursor;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * The editors' API over stories. Every story representation carries an {@code ETag} (its version); an edit, an
 * approval, a correction and a kill must send it back in {@code If-Match} (428 without, 412 when stale), so that
 * nobody publishes copy that changed since they read it. Submit, reject and make-primary accept {@code If-Match}.
 * Moves the story's status does not allow are refused with 409 (and the allowed moves).
 */
@Path("/api/stories")
@Tag(
        name = "Stories",
        description = "The editors' queue, editing and the workflow (bearer token: editor or chief-editor)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.CHIEF_EDITOR})
public class StoryResource {
    @Inject
    Desk desk;

    @Inject
    SecurityIdentity identity;

    @Inject
    NewStories newStories;

    @GET
    @Transactional
    @Operation(
            summary = "The editors' queue",
            description = "Stories matching all given filters, newest first "
                    + "(or `order=oldest`; stable order by creation time, then id). Keyset paging: when more stories match, "
                    + "the response has an X-Next-Cursor header (and a Link rel=next); pass it as `after` for the next page. "
                    + "`q` is a PostgreSQL full-text search (web-search syntax) over headline, summary and editor's note; "
                    + "`from`/`to` bound the creation time (ISO date or instant, `to` exclusive). `cluster` lists one "
                    + "cluster; `primaryOnly=true` collapses each cluster into its primary (see `alternateCount`); "
                    + "`flag=killProposed` is the chief editor's list of published stories their source withdrew; "
                    + "`flag=sourceUpdatePending` lists approved or published stories with a source update waiting.")
    @APIResponse(
            responseCode = "200",
            description = "One page of stories",
            headers =
                    @Header(
                            name = KeysetPages.NEXT_CURSOR,
                            description = "The `after` of the next page; absent on the last"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = StoryResponse.class),
                            examples = @ExampleObject(name = "page", value = ApiExamples.STORY_PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "An invalid filter, cursor or limit; `errors` names each field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "bad filter", value = ApiExamples.BAD_FILTER)))
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response queue(
            @Parameter(description = "Statuses (repeatable or comma-separated)", example = "NEW,IN_REVIEW")
                    @QueryParam("status")
                    List<String> status,
            @Parameter(description = "A section the story is tagged with", example = "Markets") @QueryParam("section")
                    String section,
            @Parameter(description = "The ingest source", example = "wire-desk") @QueryParam("source") String source,
            @Parameter(description = "The assigned editor", example = "erin") @QueryParam("assignee") String assignee,
            @Parameter(description = "A cluster id: its stories only") @QueryParam("cluster") String cluster,
            @Parameter(description = "Only each cluster's primary (and stories in no cluster)", example = "true")
                    @QueryParam("primaryOnly")
                    @DefaultValue("false")
                    boolean primaryOnly,
            @Parameter(
                            description =
                                    "Stories needing attention: sourceChanged, sourceUpdatePending, killProposed, "
                                            + "withdrawn (repeatable or comma-separated; all must hold)",
                            example = "killProposed")
                    @QueryParam("flag")
                    List<String> flag,
            @Parameter(description = "Full text (web-search syntax)", example = "rates -mortgage") @QueryParam("q")
                    String text,
            @Parameter(description = "Created at or after (ISO date or instant)", example = "2026-11-25")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Created before (ISO date or instant)", example = "2026-11-26T00:00:00Z")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "The X-Next-Cursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "newest (default) or oldest first", example = "newest")
                    @QueryParam("order")
                    @DefaultValue("newest")
                    String order,
            @Parameter(description = "Page size, 1 to 200", example = "50")
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(1)
                    @Max(200)
                    int limit,
            @Context UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<StoryStatus> statuses = statuses(status, errors);
        Instant fromTime = time("from", from, errors);
        Instant toTime = time("to", to, errors);
        UUID clusterId = clusterId(cluster, errors);
        Set<StoryQuery.Flag> flags = flags(flag, errors);
        PageCursor cursor = cursor(after, errors);
        if (!order.equals("newest") && !order.equals("oldest")) {
            errors.add(new Problem.FieldError("order", "must be newest or oldest"));
        }
        if (!errors.isEmpty()) {
            throw FieldProblems.invalid(errors);
        }
        StoryQuery.Page page = new StoryQuery(
                        statuses,
                        blankToNull(section),
                        blankToNull(source),
                        blankToNull(assignee),
                        blankToNull(text),
                        clusterId,
                        primaryOnly,
                        flags,
                        fromTime,
                        toTime,
                        cursor,
                        order.equals("oldest"),
                        limit)
                .run();
        Map<UUID, Cluster.Summary> clusters = Cluster.summaries(page.stories().stream()
                .map(s -> s.clusterId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return KeysetPages.withNext(
                        Response.ok(page.stories().stream()
                                .map(story -> StoryResponse.of(story, clusters))
                                .toList()),
                        page.next(),
                        uri)
                .build();
    }

    @GET
    @Path("counts")
    @Transactional
    @Operation(summary = "How many stories each status holds", description = "Every status, 0 when none.")
    @APIResponse(
            responseCode = "200",
            description = "Counts by status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "counts",
                                            value = "{\"NEW\": 12, \"IN_REVIEW\": 3, \"APPROVED\": 4, "
                                                    + "\"REJECTED\": 1, \"PUBLISHED\": 40, \"CORRECTED\": 2, "
                                                    + "\"KILLED\": 0}")))
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Map<StoryStatus, Long> counts() {
        return Story.countsByStatus();
    }

    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "New stories as they arrive (server-sent events)",
            description = "One event per story made from an ingested item after the stream opened (give or take "
                    + "the last seconds before): id, headline, source, status, createdAt. The service looks for "
                    + "them once every two seconds per replica, however many desks listen.")
    @APIResponse(responseCode = "200", description = "An event stream")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Multi<NewStories.Arrival> live() {
        return newStories.arrivals();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(
            summary = "A story",
            description = "The edited copy, the source copy, workflow state, its cluster "
                    + "(`primary`, `alternates`), the readers' grades and the history. The ETag header is its version: "
                    + "send it back in If-Match when you edit.")
    @APIResponse(
            responseCode = "200",
            description = "The story",
            headers = @Header(name = HttpHeaders.ETAG, description = "The story's version, e.g. \"3\""),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoryResponse.class),
                            examples = @ExampleObject(name = "story", value = ApiExamples.STORY)))
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response get(@Parameter(description = "The story id") @PathParam("id") UUID id) {
        Story story = Story.<Story>findByIdOptional(id).orElseThrow(() -> new UnknownStoryException(id));
        return Response.ok(StoryResponse.detail(story))
                .tag(ETags.of(story.version))
                .build();
    }

    @GET
    @Path("{id}/history")
    @Transactional
    @Operation(
            summary = "The story's audit trail",
            description = "Oldest first: what was done, who, when, the "
                    + "field-level diff (`{\"headline\": {\"from\": …, \"to\": …}}`), from/to status and the reason.")
    @APIResponse(
            responseCode = "200",
            description = "The history",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntry.class),
                            examples = @ExampleObject(name = "history", value = ApiExamples.HISTORY)))
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public List<HistoryEntry> history(@Parameter(description = "The story id") @PathParam("id") UUID id) {
        if (Story.findById(id) == null) {
            throw new UnknownStoryException(id);
        }
        return StoryTransition.history(id).stream().map(HistoryEntry::of).toList();
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Edit the story (JSON merge patch)",
            description = "Fields: headline, summary (1-3 "
                    + "paragraphs separated by a blank line, or an array of them), byline, editorsNote, sections (array), "
                    + "outlet, outletUrl, dateline, authorBio, assignee, imageCaption, imageCredit, rights. A field left out is unchanged; null clears an "
                    + "optional one. Requires If-Match with the ETag read; 412 if the story changed since. Only NEW, "
                    + "IN_REVIEW or REJECTED stories can be edited (409 otherwise). Every change is in the history.")
    @RequestBody(
            description = "The fields to change",
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = StoryPatch.class),
                            examples = @ExampleObject(name = "edit", value = ApiExamples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "The edited story, with its new ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoryResponse.class)))
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "tooLarge")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "conflict")
    @APIResponse(ref = "stale")
    @APIResponse(ref = "preconditionRequired")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response edit(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            String body) {
        long expected = ETags.required(ifMatch);
        Map<String, Object> values = StoryFields.parse(StoryFields.object(body), Set.of());
        return ok(desk.edit(id, expected, values, actor()));
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit the story for review", description = "NEW or REJECTED → IN_REVIEW.")
    @APIResponse(ref = "moved")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "conflict")
    @APIResponse(ref = "stale")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response submit(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(desk.submit(id, ETags.optional(ifMatch), actor()));
    }

    @POST
    @Path("{id}/primary")
    @Operation(
            summary = "Make the story its cluster's primary",
            description = "The story leads its cluster from "
                    + "now on (in `primaryOnly` queues and as every member's `primary`); the former primary becomes an "
                    + "alternate. The choice is audited in the story's history (`MAKE_PRIMARY`). Already the primary: "
                    + "nothing changes. In no cluster: 409.")
    @APIResponse(ref = "moved")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "conflict")
    @APIResponse(ref = "stale")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response makePrimary(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(desk.makePrimary(id, ETags.optional(ifMatch), actor()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Operation(
            summary = "Approve the story for publication (chief editor)",
            description =
                    "IN_REVIEW (or NEW) → "
                            + "APPROVED, at once or scheduled at `publishAt`. A story under embargo (`embargoedUntil` in the "
                            + "future) is approved only with a `publishAt` at or after the embargo (409 otherwise). Announces "
                            + "news.story.approved.v1 with the full copy; its `embargoedUntil` is the later of the embargo and "
                            + "`publishAt`, and publish-service holds the publication until then. Requires If-Match with the "
                            + "ETag read (428 without, 412 when the story changed since), so what is approved is what was read.")
    @RequestBody(
            required = false,
            description = "Optional: when to publish",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Approval.class),
                            examples =
                                    @ExampleObject(
                                            name = "scheduled",
                                            value = "{\"publishAt\": \"2026-11-26T06:00:00Z\"}")))
    @APIResponse(ref = "moved")
    @APIResponse(
            responseCode = "400",
            description = "publishAt is not an ISO instant, or is in the past",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = {
                                @ExampleObject(name = "malformed", value = ApiExamples.BAD_PUBLISH_AT),
                                @ExampleObject(name = "past", value = ApiExamples.PAST_PUBLISH_AT)
                            }))
    @APIResponse(
            responseCode = "409",
            description = "Not allowed from the story's status (with "
                    + "`allowedTransitions`), embargoed and not scheduled after the embargo (with `embargoedUntil`), or "
                    + "withdrawn by its source",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = {
                                @ExampleObject(name = "embargoed", value = ApiExamples.EMBARGOED),
                                @ExampleObject(name = "transition", value = ApiExamples.TRANSITION)
                            }))
    @APIResponse(ref = "eventTooLarge")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "stale")
    @APIResponse(ref = "preconditionRequired")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response approve(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            String body) {
        long expected = ETags.required(ifMatch);
        Instant publishAt = body == null || body.isBlank() ? null : publishAt(StoryFields.object(body));
        return ok(desk.approve(id, expected, publishAt, actor()));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Operation(
            summary = "Reject the story (chief editor)",
            description = "IN_REVIEW → REJECTED, with an optional "
                    + "reason recorded in the history; editors may rework and resubmit it.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Reason.class),
                            examples =
                                    @ExampleObject(name = "reason", value = "{\"reason\": \"Needs a second source\"}")))
    @APIResponse(ref = "moved")
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "tooLarge")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "conflict")
    @APIResponse(ref = "stale")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response reject(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        String reason = body == null || body.isBlank() ? null : optionalText(StoryFields.object(body), "reason");
        return ok(desk.reject(id, ETags.optional(ifMatch), actor(), reason));
    }

    @POST
    @Path("{id}/correct")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Correct a published story (chief editor)",
            description = "PUBLISHED or CORRECTED → "
                    + "CORRECTED. Body: `note` (what was corrected, shown to readers, required) and any editable fields "
                    + "to change. Announces news.story.corrected.v1 with the full corrected copy. Requires If-Match with "
                    + "the ETag read (428 without, 412 when the story changed since).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "correction", value = ApiExamples.CORRECTION)))
    @APIResponse(ref = "moved")
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "tooLarge")
    @APIResponse(ref = "eventTooLarge")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "conflict")
    @APIResponse(ref = "stale")
    @APIResponse(ref = "preconditionRequired")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response correct(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read", example = "\"5\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            String body) {
        long expected = ETags.required(ifMatch);
        ObjectNode json = StoryFields.object(body);
        String note = requiredText(json, "note");
        Map<String, Object> values = StoryFields.parse(json, Set.of("note"));
        return ok(desk.correct(id, expected, actor(), note, values));
    }

    @POST
    @Path("{id}/kill")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Retract a published story (chief editor)",
            description = "PUBLISHED or CORRECTED → "
                    + "KILLED, with a reason (required). Announces news.story.killed.v1. Requires If-Match with the ETag "
                    + "read (428 without, 412 when the story changed since).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Reason.class),
                            examples =
                                    @ExampleObject(
                                            name = "kill",
                                            value = "{\"reason\": \"The report was withdrawn by its source.\"}")))
    @APIResponse(ref = "moved")
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "tooLarge")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(ref = "conflict")
    @APIResponse(ref = "stale")
    @APIResponse(ref = "preconditionRequired")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response kill(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read", example = "\"5\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            String body) {
        long expected = ETags.required(ifMatch);
        String reason = requiredText(StoryFields.object(body), "reason");
        return ok(desk.kill(id, expected, actor(), reason));
    }

    @POST
    @Path("{id}/source-update")
    @Operation(
            summary = "Apply the source update held since approval",
            description = "A source update of an "
                    + "APPROVED (or later) story is held, not applied (`sourceUpdatePending`, `pendingSourceUpdate` shows "
                    + "what it changes, `flag=sourceUpdatePending` lists them). Applying it takes the source's body, photo, "
                    + "rights and copy; the edited copy follows unless an editor edited it (then `sourceChanged`). A "
                    + "published story shows it to readers with its next correction. Requires If-Match with the ETag read; "
                    + "409 when no update is waiting. Audited as SOURCE_APPLIED with the diff.")
    @APIResponse(ref = "moved")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(
            responseCode = "409",
            description = "No source update is waiting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "stale")
    @APIResponse(ref = "preconditionRequired")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response applySourceUpdate(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read", example = "\"4\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return ok(desk.applySourceUpdate(id, ETags.required(ifMatch), actor()));
    }

    @DELETE
    @Path("{id}/source-update")
    @Operation(
            summary = "Discard the source update held since approval",
            description = "The story keeps its "
                    + "copy; the update's version counts as seen. Requires If-Match with the ETag read; 409 when no update "
                    + "is waiting. Audited as SOURCE_DISCARDED with the diff that was not applied.")
    @APIResponse(ref = "moved")
    @APIResponse(ref = "storyNotFound")
    @APIResponse(
            responseCode = "409",
            description = "No source update is waiting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "stale")
    @APIResponse(ref = "preconditionRequired")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response discardSourceUpdate(
            @Parameter(description = "The story id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read", example = "\"4\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return ok(desk.discardSourceUpdate(id, ETags.required(ifMatch), actor()));
    }

    /** The body of an approval, as documented. */
    @Schema(description = "An approval, optionally scheduled")
    public record Approval(
            @Schema(
                    description = "Publish at (ISO instant, in the future; not before an embargo)",
                    example = "2026-11-26T06:00:00Z")
            Instant publishAt) {}

    /** The body of a rejection or kill, as documented. */
    public record Reason(
            @Schema(example = "Needs a second source") String reason) {}

    /** The editable fields, as documented; the resource reads them as a merge patch (see {@link StoryFields}). */
    @Schema(description = "A JSON merge patch of the editable fields: left out = unchanged, null = cleared")
    public record StoryPatch(
            @Schema(maxLength = Limits.HEADLINE) String headline,

            @Schema(
                    description = "1–3 paragraphs separated by a blank line (or an array of them)",
                    maxLength = Limits.SUMMARY)
            String summary,

            @Schema(maxLength = Limits.BYLINE) String byline,
            @Schema(maxLength = Limits.NOTE) String editorsNote,
            @Schema(maxItems = Limits.SECTIONS) List<String> sections,
            @Schema(maxLength = Limits.OUTLET) String outlet,
            @Schema(maxLength = Limits.URL) String outletUrl,
            @Schema(maxLength = Limits.DATELINE) String dateline,
            @Schema(maxLength = Limits.AUTHOR_BIO) String authorBio,
            @Schema(maxLength = Limits.ASSIGNEE) String assignee,
            @Schema(maxLength = Limits.IMAGE_CAPTION) String imageCaption,
            @Schema(maxLength = Limits.IMAGE_CREDIT) String imageCredit,
            @Schema(maxLength = Limits.RIGHTS) String rights) {}

    private static Instant publishAt(ObjectNode json) {
        JsonNode value = json.get("publishAt");
        if (value == null || value.isNull()) {
            return null;
        }
        Instant publishAt;
        try {
            publishAt = Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw FieldProblems.invalid("publishAt", "must be an ISO instant such as 2026-11-26T06:00:00Z");
        }
        if (!publishAt.isAfter(Instant.now())) {
            throw FieldProblems.invalid("publishAt", "must be in the future");
        }
        return publishAt;
    }

    private static Set<StoryQuery.Flag> flags(List<String> values, List<Problem.FieldError> errors) {
        Set<StoryQuery.Flag> flags = EnumSet.noneOf(StoryQuery.Flag.class);
        for (String value : values == null ? List.<String>of() : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    flags.add(StoryQuery.Flag.named(name.strip()));
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError(
                            "flag",
                            "unknown flag " + name.strip() + "; one of "
                                    + Stream.of(StoryQuery.Flag.values())
                                            .map(StoryQuery.Flag::field)
                                            .toList()));
                }
            }
        }
        return flags;
    }

    /** A cursor that is not one, or not of this list (its key not a time), is one more field error. */
    private static PageCursor cursor(String after, List<Problem.FieldError> errors) {
        try {
            PageCursor cursor = PageCursor.fromQuery(after);
            if (cursor != null) {
                cursor.instantKey();
            }
            return cursor;
        } catch (ProblemException e) {
            errors.addAll(e.problem().errors());
            return null;
        }
    }

    private static UUID clusterId(String cluster, List<Problem.FieldError> errors) {
        String text = blankToNull(cluster);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("cluster", "must be a cluster id (UUID)"));
            return null;
        }
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
            throw FieldProblems.invalid(field, "must not be blank");
        }
        return text;
    }

    private static String optionalText(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw FieldProblems.invalid(field, "must be text of at most " + Limits.REASON + " characters");
        }
        if (value.asText().strip().length() > Limits.REASON) {
            throw FieldProblems.tooLarge(List.of(FieldProblems.tooLong(field, Limits.REASON)));
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
                    errors.add(new Problem.FieldError(
                            "status", "unknown status " + name.strip() + "; one of " + List.of(StoryStatus.values())));
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
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
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
