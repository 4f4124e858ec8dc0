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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.newsroom.editorial.domain.Edition;
import org.newsroom.editorial.domain.EditionDesk;
import org.newsroom.editorial.domain.EditionDraft;
import org.newsroom.editorial.domain.Limits;
import org.newsroom.editorial.domain.UnknownEditionException;
import org.newsroom.editorial.preview.Renderers;
import org.newsroom.problem.FieldProblems;
import org.newsroom.problem.KeysetPages;
import org.newsroom.problem.PageCursor;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * Editions: compose (lead story, its editor's note, ordered briefs, sections), edit and reorder with
 * {@code If-Match}, approve (chief editor) with an optional {@code publishAt}. Only APPROVED or PUBLISHED stories
 * may be placed in an edition (422 otherwise).
 */
@Path("/api/editions")
@Tag(
        name = "Editions",
        description = "Compose, reorder and approve editions (bearer token: editor; approval: " + "chief-editor)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.CHIEF_EDITOR})
public class EditionResource {
    /** An edition's place in the list is its date, then its creation time: the cursor's key holds both. */
    private static final String CURSOR_SEPARATOR = "/";

    @Inject
    EditionDesk desk;

    @Inject
    SecurityIdentity identity;

    @Inject
    Renderers renderers;

    /**
     * The publish page in the desk's frame: its stylesheet (the theme's, which editorial serves too) and https
     * images, no script, no form posting anywhere, framed only by the desk itself.
     */
    static final String PAGE_PREVIEW_POLICY = "default-src 'none'; img-src 'self' https: data:; style-src 'self';"
            + " frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /** The email in the desk's frame: an email styles inline (nothing else), no script, framed only by the desk. */
    static final String NEWSLETTER_PREVIEW_POLICY = "default-src 'none'; img-src https: data:;"
            + " style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Compose an edition",
            description = "A title, the date, the lead story with the editor's "
                    + "note that frames it, the briefs (story ids, in order) and sections. Only APPROVED or PUBLISHED "
                    + "stories may be placed (422 naming each offending position). 201 with Location and ETag.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EditionBody.class),
                            examples = @ExampleObject(name = "edition", value = ApiExamples.EDITION_BODY)))
    @APIResponse(
            responseCode = "201",
            description = "The draft edition",
            headers = {
                @Header(name = HttpHeaders.LOCATION, description = "The edition's URL"),
                @Header(name = HttpHeaders.ETAG, description = "Its version, for If-Match")
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EditionResponse.class),
                            examples = @ExampleObject(name = "edition", value = ApiExamples.EDITION)))
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "editionRules")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response create(String body) {
        EditionDraft draft = read(StoryFields.object(body), null);
        Edition edition = desk.create(draft, actor());
        return Response.created(UriBuilder.fromPath("/api/editions/{id}").build(edition.id))
                .entity(EditionResponse.of(edition))
                .tag(ETags.of(edition.version))
                .build();
    }

    @GET
    @Transactional
    @Operation(
            summary = "Recent editions",
            description = "Newest first by date, then by creation (editor or "
                    + "chief-editor), without their stories' copy. Keyset pages: when more editions remain, the "
                    + "X-Next-Cursor header (and a Link rel=next) gives the `after` of the next page.")
    @APIResponse(
            responseCode = "200",
            description = "One page of editions",
            headers = @Header(name = KeysetPages.NEXT_CURSOR, description = "The `after` of the next page"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = EditionSummary.class),
                            examples = @ExampleObject(name = "editions", value = ApiExamples.EDITIONS)))
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response list(
            @Parameter(description = "How many, 1 to 200", example = "20")
                    @QueryParam("limit")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(200)
                    int limit,
            @Parameter(description = "The X-Next-Cursor of the previous page") @QueryParam(PageCursor.PARAMETER)
                    String after,
            @Context UriInfo uri) {
        PageCursor cursor = PageCursor.fromQuery(after);
        List<Edition> editions = cursor == null
                ? Edition.recent(null, null, null, limit)
                : Edition.recent(cursorDate(cursor), cursorCreated(cursor), cursor.id(), limit);
        PageCursor next = null;
        if (editions.size() > limit) {
            Edition last = editions.get(limit - 1);
            next = new PageCursor(last.date + CURSOR_SEPARATOR + last.createdAt, last.id);
        }
        return KeysetPages.withNext(
                        Response.ok(editions.stream()
                                .limit(limit)
                                .map(EditionSummary::of)
                                .toList()),
                        next,
                        uri)
                .build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(
            summary = "An edition",
            description = "With the current copy of its stories (lead, numbered "
                    + "briefs) and, once approved, the snapshot frozen at approval. The ETag header is its version.")
    @APIResponse(
            responseCode = "200",
            description = "The edition",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EditionResponse.class),
                            examples = @ExampleObject(name = "edition", value = ApiExamples.EDITION)))
    @APIResponse(ref = "editionNotFound")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response get(@Parameter(description = "The edition id") @PathParam("id") UUID id) {
        Edition edition = Edition.findById(id);
        if (edition == null) {
            throw new UnknownEditionException(id);
        }
        return ok(edition);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(
            summary = "Edit or reorder a draft edition",
            description = "A JSON merge patch of the edition's "
                    + "fields; `briefs` replaces the ordered list. Requires If-Match (428 without, 412 when stale); 409 once "
                    + "the edition is approved.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = EditionBody.class),
                            examples = @ExampleObject(name = "reorder", value = ApiExamples.EDITION_REORDER)))
    @APIResponse(
            responseCode = "200",
            description = "The edited edition, with its new ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EditionResponse.class)))
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "editionNotFound")
    @APIResponse(ref = "editionApproved")
    @APIResponse(ref = "stale")
    @APIResponse(ref = "editionRules")
    @APIResponse(ref = "preconditionRequired")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response edit(
            @Parameter(description = "The edition id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            String body) {
        long expected = ETags.required(ifMatch);
        ObjectNode patch = StoryFields.object(body);
        Edition current = Edition.findById(id);
        if (current == null) {
            throw new UnknownEditionException(id);
        }
        EditionDraft draft = read(patch, EditionDesk.draft(current));
        return ok(desk.edit(id, expected, draft, actor()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.CHIEF_EDITOR)
    @Transactional
    @Operation(
            summary = "Approve the edition (chief editor)",
            description = "Freezes it and announces "
                    + "news.edition.approved.v1 with a self-contained snapshot (lead and briefs with their texts and "
                    + "attributions). Optional `publishAt` (in the future) schedules its publication. Requires If-Match "
                    + "with the ETag of the edition read (428 without, 412 when it changed since), so what is approved is "
                    + "what was read. Refused (409, naming each story and `earliestPublishAt`) when the edition's time "
                    + "(`publishAt`, else now) is before a story's embargo or scheduled time: the edition page, newsletter "
                    + "and webhooks would carry it early.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoryResource.Approval.class),
                            examples =
                                    @ExampleObject(
                                            name = "scheduled",
                                            value = "{\"publishAt\": \"2026-11-26T06:00:00Z\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The approved edition with its snapshot",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EditionResponse.class)))
    @APIResponse(ref = "invalidFields")
    @APIResponse(ref = "editionNotFound")
    @APIResponse(
            responseCode = "409",
            description = "Approved already, or a story would be published before its "
                    + "embargo or scheduled time (`heldStories`, `earliestPublishAt`)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = {
                                @ExampleObject(name = "embargoed", value = ApiExamples.EDITION_EMBARGOED),
                                @ExampleObject(name = "approved", value = ApiExamples.EDITION_APPROVED)
                            }))
    @APIResponse(ref = "stale")
    @APIResponse(ref = "editionRules")
    @APIResponse(ref = "preconditionRequired")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response approve(
            @Parameter(description = "The edition id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read", example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            String body) {
        long expected = ETags.required(ifMatch);
        Instant publishAt = null;
        if (body != null && !body.isBlank()) {
            JsonNode value = StoryFields.object(body).get("publishAt");
            if (value != null && !value.isNull()) {
                try {
                    publishAt = Instant.parse(value.asText());
                } catch (DateTimeParseException e) {
                    throw FieldProblems.invalid("publishAt", "must be an ISO instant");
                }
                if (publishAt.isBefore(Instant.now())) {
                    throw FieldProblems.invalid("publishAt", "must be in the future");
                }
            }
        }
        return ok(desk.approve(id, expected, publishAt, actor()));
    }

    @GET
    @Path("{id}/preview/page")
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            summary = "Preview the edition's page",
            description = "The page publish-service would serve for the edition if it were approved now (once "
                    + "approved: for its snapshot), rendered by publish-service itself from the snapshot approval "
                    + "builds; nothing is stored there. For the desk's sandboxed frame: its own Content-Security-Policy "
                    + "(frame-ancestors 'self') and X-Frame-Options SAMEORIGIN. 502 when publish-service cannot "
                    + "render it.")
    @APIResponse(
            responseCode = "200",
            description = "The page's HTML",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(ref = "editionNotFound")
    @APIResponse(ref = "rendererUnavailable")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response previewPage(@Parameter(description = "The edition id") @PathParam("id") UUID id) {
        return framed(renderers.editionPage(desk.preview(id, actor())), PAGE_PREVIEW_POLICY);
    }

    @GET
    @Path("{id}/preview/newsletter")
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            summary = "Preview the edition's newsletter",
            description = "The HTML of the email notify-service would send readers for the edition if it were "
                    + "approved now (once approved: for its snapshot), rendered by notify-service itself, with "
                    + "placeholder reader links (no reader's token); nothing is stored or sent. For the desk's "
                    + "sandboxed frame, like the page preview. 502 when notify-service cannot render it.")
    @APIResponse(
            responseCode = "200",
            description = "The email's HTML",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(ref = "editionNotFound")
    @APIResponse(ref = "rendererUnavailable")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Response previewNewsletter(@Parameter(description = "The edition id") @PathParam("id") UUID id) {
        return framed(renderers.newsletter(desk.preview(id, actor())), NEWSLETTER_PREVIEW_POLICY);
    }

    /** Module web's SecurityHeaders keeps headers already set: these replace its "never in a frame". */
    private static Response framed(String html, String policy) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", policy)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** The fields of an edition, as documented; read as a full body or a merge patch. */
    @Schema(description = "An edition's fields")
    public record EditionBody(
            @Schema(example = "The Daily Brief", maxLength = Limits.EDITION_TITLE)
            String title,

            @Schema(example = "2026-11-25") LocalDate date,
            UUID leadStoryId,

            @Schema(description = "The editor's note framing the lead", maxLength = Limits.NOTE)
            String leadNote,

            @Schema(description = "Story ids of the briefs, in order", maxItems = Limits.BRIEFS)
            List<UUID> briefs,

            @Schema(example = "[\"Geopolitics\"]", maxItems = Limits.SECTIONS)
            List<String> sections) {}

    private static LocalDate cursorDate(PageCursor cursor) {
        try {
            return LocalDate.parse(cursorPart(cursor, 0));
        } catch (DateTimeParseException e) {
            throw notAnEditionCursor();
        }
    }

    private static Instant cursorCreated(PageCursor cursor) {
        try {
            return Instant.parse(cursorPart(cursor, 1));
        } catch (DateTimeParseException e) {
            throw notAnEditionCursor();
        }
    }

    private static String cursorPart(PageCursor cursor, int index) {
        String[] parts = cursor.key().split(CURSOR_SEPARATOR, -1);
        if (parts.length != 2) {
            throw notAnEditionCursor();
        }
        return parts[index];
    }

    private static ProblemException notAnEditionCursor() {
        return FieldProblems.invalid(PageCursor.PARAMETER, "is not a cursor from " + KeysetPages.NEXT_CURSOR);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static Response ok(Edition edition) {
        return Response.ok(EditionResponse.of(edition))
                .tag(ETags.of(edition.version))
                .build();
    }

    /** The draft from a full body ({@code base} null) or a merge patch onto {@code base}; 400 lists every bad field. */
    private static EditionDraft read(ObjectNode json, EditionDraft base) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> known = Set.of("title", "date", "leadStoryId", "leadNote", "briefs", "sections");
        json.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                errors.add(new Problem.FieldError(f, "is not a field of an edition; fields are " + known));
            }
        });
        String title = base == null ? null : base.title();
        if (json.has("title") || base == null) {
            title = text(json.get("title"), Limits.EDITION_TITLE);
            if (title == null) {
                errors.add(new Problem.FieldError(
                        "title", "must be text of 1 to " + Limits.EDITION_TITLE + " characters"));
            }
        }
        LocalDate date = base == null ? null : base.date();
        if (json.has("date") || base == null) {
            try {
                date = LocalDate.parse(json.path("date").asText(""));
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("date", "must be an ISO date (2026-11-25)"));
            }
        }
        UUID lead = base == null ? null : base.leadStory();
        if (json.has("leadStoryId") || base == null) {
            lead = uuid(json.get("leadStoryId"));
            if (lead == null) {
                errors.add(new Problem.FieldError("leadStoryId", "must be a story id"));
            }
        }
        String leadNote = base == null ? null : base.leadNote();
        if (json.has("leadNote")) {
            JsonNode note = json.get("leadNote");
            leadNote = note.isNull() ? null : text(note, Limits.NOTE);
            if (!note.isNull() && (!note.isTextual() || note.asText().strip().length() > Limits.NOTE)) {
                errors.add(
                        new Problem.FieldError("leadNote", "must be text of at most " + Limits.NOTE + " characters"));
            }
        }
        List<UUID> briefs = base == null ? List.of() : base.briefs();
        if (json.has("briefs")) {
            JsonNode array = json.get("briefs");
            List<UUID> ids = new ArrayList<>();
            if (array.isNull()) {
                briefs = List.of();
            } else if (!array.isArray() || array.size() > Limits.BRIEFS) {
                errors.add(new Problem.FieldError(
                        "briefs", "must be an array of at most " + Limits.BRIEFS + " story ids"));
            } else {
                for (JsonNode id : array) {
                    UUID brief = uuid(id);
                    if (brief == null) {
                        errors.add(new Problem.FieldError("briefs", "must hold story ids"));
                        break;
                    }
                    ids.add(brief);
                }
                briefs = ids;
            }
        }
        List<String> sections = base == null ? List.of() : base.sections();
        if (json.has("sections")) {
            JsonNode array = json.get("sections");
            Set<String> names = new LinkedHashSet<>();
            if (array.isArray() && array.size() <= Limits.SECTIONS) {
                for (JsonNode s : array) {
                    String name = text(s, Limits.SECTION);
                    if (name == null) {
                        errors.add(new Problem.FieldError(
                                "sections", "each section must be a name of 1 to " + Limits.SECTION + " characters"));
                        break;
                    }
                    names.add(name);
                }
                sections = List.copyOf(names);
            } else if (array.isNull()) {
                sections = List.of();
            } else {
                errors.add(new Problem.FieldError(
                        "sections", "must be an array of at most " + Limits.SECTIONS + " section names"));
            }
        }
        if (!errors.isEmpty()) {
            throw FieldProblems.invalid(errors);
        }
        return new EditionDraft(title, date, lead, leadNote, briefs, sections);
    }

    private static String text(JsonNode value, int max) {
        if (value == null
                || !value.isTextual()
                || value.asText().isBlank()
                || value.asText().strip().length() > max) {
            return null;
        }
        return value.asText().strip();
    }

    private static UUID uuid(JsonNode value) {
        try {
            return value == null || !value.isTextual() ? null : UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
