package org.newsroom.editorial.api;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.problem.FieldProblems;
import org.newsroom.problem.Problem;

/**
 * Signing in to and out of the desk (its pages are under {@code /desk/}): the session is {@link DeskCookie}. The
 * organisation's identity provider signs editors in by OpenID Connect; the local stack also offers {@link DevLogin}.
 */
@Path("/desk/session")
@Tag(name = "Desk session", description = "Signing in to the editors' desk in a browser (pages, not an API)")
public class DeskSessionResource {
    static final URI DESK = URI.create("/desk/");
    static final URI LOGIN = URI.create("/desk/session/login");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    @Inject
    Template deskLogin;

    @Inject
    DevLogin devLogin;

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession session;

    @Inject
    ProviderSignOut providerSignOut;

    @ConfigProperty(name = "newsroom.desk.oidc.enabled", defaultValue = "false")
    boolean oidc;

    @ConfigProperty(name = "newsroom.desk.oidc.provider-name", defaultValue = "your organisation's account")
    String provider;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The desk's sign-in page", description = "The ways to sign in this deployment offers.")
    @APIResponse(responseCode = "200", description = "The page")
    public String login() {
        return deskLogin
                .data("devLogin", devLogin.enabled())
                .data("oidc", oidc)
                .data("provider", provider)
                .render();
    }

    @POST
    @Path("dev")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            summary = "Sign in without an identity provider (local stack only)",
            description = "Exists only where NEWSROOM_DESK_DEV_LOGIN_KEY is set (404 elsewhere). Sets the desk's "
                    + "session cookie to a token for `name` with `role` (editor or chief-editor) and sends the "
                    + "browser to the desk.")
    @APIResponse(responseCode = "303", description = "Signed in; to /desk/")
    @APIResponse(responseCode = "400", description = "A bad name or role")
    @APIResponse(responseCode = "404", description = "No dev login here")
    public Response dev(@FormParam("name") String name, @FormParam("role") String role, @Context UriInfo uri) {
        if (!devLogin.enabled()) {
            throw new NotFoundException();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new Problem.FieldError("name", "must be 1 to 64 lower-case letters, digits, '.', '_' or '-'"));
        }
        if (role == null || !DevLogin.ROLES.contains(role)) {
            errors.add(new Problem.FieldError("role", "must be one of " + DevLogin.ROLES));
        }
        if (!errors.isEmpty()) {
            throw FieldProblems.invalid(errors);
        }
        return Response.seeOther(DESK)
                .cookie(DeskCookie.of(devLogin.token(name, role), DevLogin.LIFETIME, secure(uri)))
                .build();
    }

    @GET
    @Path("oidc")
    @Operation(
            summary = "Sign in with the organisation's identity provider",
            description = "OpenID Connect's authorization-code flow: sends the browser to the provider, and on its way "
                    + "back sets the desk's session cookie to the provider's access token (which the API verifies as "
                    + "it verifies a bearer token) and sends the browser to the desk. Exists only where "
                    + "NEWSROOM_DESK_OIDC_SERVER_URL is set (404 elsewhere).")
    @APIResponse(responseCode = "302", description = "To the provider's sign-in, or back here without the code")
    @APIResponse(responseCode = "303", description = "Signed in; to /desk/")
    @APIResponse(responseCode = "404", description = "No OpenID Connect sign-in here")
    public Uni<Response> oidc(@Context UriInfo uri) {
        if (!oidc) {
            throw new NotFoundException();
        }
        DeskAccessToken token = DeskAccessToken.of(identity);
        // Quarkus OIDC's own session (its cookie holds the provider's tokens) is not kept: the desk's session is the
        // cookie alone, which signing out clears.
        return session.logout()
                .replaceWith(() -> Response.seeOther(DESK)
                        .cookie(DeskCookie.of(token.value(), token.remainingLifetime(), secure(uri)))
                        .build());
    }

    @POST
    @Path("logout")
    @Operation(
            summary = "Sign out of the desk",
            description = "Clears the session cookie and, where editors sign in through the identity provider, "
                    + "ends the provider's session too: the browser goes to the provider's end-session endpoint and "
                    + "comes back to the sign-in page.")
    @APIResponse(responseCode = "303", description = "Signed out; to the sign-in page, or first to the provider")
    public Response logout(@Context UriInfo uri) {
        URI login = uri.getBaseUriBuilder().path(LOGIN.getPath()).build();
        URI next = oidc ? providerSignOut.at(login).orElse(LOGIN) : LOGIN;
        return Response.seeOther(next).cookie(DeskCookie.cleared(secure(uri))).build();
    }

    static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
