package org.newsroom.editorial.api;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.newsroom.problem.Problem;

/**
 * The OpenAPI document's frame: the bearer scheme and the problem answers every endpoint shares, referenced by name
 * ({@code @APIResponse(ref = "stale")}) so each is described once.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "newsroom editorial API",
                        version = "1",
                        description = "The editors' API: the queue "
                                + "of stories, editing with optimistic concurrency (ETag / If-Match), the workflow with roles and "
                                + "audit, editions, and reader feedback. Errors are RFC 7807 problem bodies "
                                + "(application/problem+json)."),
        security = @SecurityRequirement(name = "bearer"),
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = "bearer",
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        bearerFormat = "JWT",
                                        description = "Roles in the groups claim: editor, " + "chief-editor"),
                        responses = {
                            @APIResponse(
                                    name = "moved",
                                    responseCode = "200",
                                    description = "The story after the move, with its new ETag",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = StoryResponse.class),
                                                    examples =
                                                            @ExampleObject(name = "story", value = ApiExamples.STORY))),
                            @APIResponse(
                                    name = "invalidFields",
                                    responseCode = "400",
                                    description = "Invalid fields; `errors` names each one",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "invalid",
                                                                    value = ApiExamples.INVALID_FIELDS))),
                            @APIResponse(
                                    name = "tooLarge",
                                    responseCode = "413",
                                    description = "Well-formed fields above their documented limits (README, "
                                            + "\"Limits\"); `errors` names each one",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "too long",
                                                                    value = ApiExamples.TOO_LARGE))),
                            @APIResponse(
                                    name = "unauthorized",
                                    responseCode = "401",
                                    description = "No valid bearer token",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "no token",
                                                                    value = ApiExamples.UNAUTHORIZED))),
                            @APIResponse(
                                    name = "forbidden",
                                    responseCode = "403",
                                    description = "The token's role may not do this",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "wrong role",
                                                                    value = ApiExamples.FORBIDDEN))),
                            @APIResponse(
                                    name = "storyNotFound",
                                    responseCode = "404",
                                    description = "No such story",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "not found",
                                                                    value = ApiExamples.NOT_FOUND))),
                            @APIResponse(
                                    name = "conflict",
                                    responseCode = "409",
                                    description = "Not allowed from the story's status; the body lists "
                                            + "`allowedTransitions`",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "transition",
                                                                    value = ApiExamples.TRANSITION))),
                            @APIResponse(
                                    name = "stale",
                                    responseCode = "412",
                                    description = "If-Match names an old version: nothing was written; reload and "
                                            + "apply your change again",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(name = "stale", value = ApiExamples.STALE))),
                            @APIResponse(
                                    name = "preconditionRequired",
                                    responseCode = "428",
                                    description = "A write without If-Match",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "no If-Match",
                                                                    value = ApiExamples.PRECONDITION_REQUIRED))),
                            @APIResponse(
                                    name = "editionNotFound",
                                    responseCode = "404",
                                    description = "No such edition",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "not found",
                                                                    value = ApiExamples.EDITION_NOT_FOUND))),
                            @APIResponse(
                                    name = "rendererUnavailable",
                                    responseCode = "502",
                                    description = "The service that renders the preview (publish-service or "
                                            + "notify-service, named in `service`) cannot be reached or refused",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "publish down",
                                                                    value = ApiExamples.RENDERER_UNAVAILABLE))),
                            @APIResponse(
                                    name = "editionApproved",
                                    responseCode = "409",
                                    description = "The edition is approved and frozen",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "approved",
                                                                    value = ApiExamples.EDITION_APPROVED))),
                            @APIResponse(
                                    name = "editionRules",
                                    responseCode = "422",
                                    description = "Stories the desk's rules keep out of an edition (not approved, "
                                            + "unknown, listed twice, the lead again; `errors` names each position), "
                                            + "or an edition whose event would be too large for Kafka (`errors` "
                                            + "names its largest part)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "not approved",
                                                                    value = ApiExamples.EDITION_RULES))),
                            @APIResponse(
                                    name = "eventTooLarge",
                                    responseCode = "422",
                                    description = "The event announcing the change would be too large for Kafka; "
                                            + "nothing changed, `errors` names the event's largest field",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "too large",
                                                                    value = ApiExamples.EVENT_TOO_LARGE))),
                            @APIResponse(
                                    name = "tooMany",
                                    responseCode = "429",
                                    description = "Too much feedback from one address, or too many grades of one "
                                            + "publication from it today; retry after Retry-After (also "
                                            + "retryAfterSeconds)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "too many",
                                                                    value = ApiExamples.TOO_MANY)))
                        }))
public class EditorialApi extends Application {}
