package org.newsroom.editorial.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.newsroom.problem.Problem;

/**
 * A change made with the desk's cookie must carry {@value #HEADER}: a page of another origin cannot add a header to
 * a request without CORS, which this service does not allow, so it cannot act with an editor's session even where
 * the browser would send the cookie (sites sharing a registrable domain are "same-site" to SameSite=Strict). Bearer
 * callers send no cookie and are not concerned; readers' feedback needs no session.
 */
@Provider
public class DeskRequestGuard implements ContainerRequestFilter {
    static final String HEADER = "X-Newsroom-Desk";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod())
                || !path.startsWith("/api/")
                || path.startsWith("/api/feedback/")
                || !request.getCookies().containsKey(DeskCookie.NAME)
                || request.getHeaderString(HEADER) != null) {
            return;
        }
        request.abortWith(Problem.of(
                        Response.Status.FORBIDDEN,
                        "A change made with the desk's session must carry the " + HEADER + " header")
                .toResponse());
    }
}
