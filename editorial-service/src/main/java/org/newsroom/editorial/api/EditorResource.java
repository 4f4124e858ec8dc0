package org.newsroom.editorial.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, as the API sees the token: the desk shows a chief editor's buttons only to chief editors. */
@Path("/api/me")
@Tag(name = "Stories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.CHIEF_EDITOR})
public class EditorResource {
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "The signed-in editor", description = "The name and the roles the token carries.")
    @APIResponse(responseCode = "200", description = "The editor")
    @APIResponse(ref = "unauthorized")
    @APIResponse(ref = "forbidden")
    public Editor me() {
        return new Editor(
                identity.getPrincipal().getName(),
                identity.getRoles().stream().sorted().toList());
    }

    public record Editor(String name, List<String> roles) {}
}
