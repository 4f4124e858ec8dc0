package org.newsroom.theme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Serves the theme's files under their fingerprinted names, cacheable for a year and never revalidated. Any other
 * name (an older release's, say) is 404: the page that asked for it is stale, not the stylesheet.
 */
@Path(ThemeAssets.PATH)
@ApplicationScoped
public class ThemeAssets {
    static final String PATH = "/assets";
    private static final int A_YEAR = 365 * 24 * 3600;

    private final Asset stylesheet = Asset.fingerprinted("theme/site.css", "text/css; charset=utf-8");

    Asset stylesheet() {
        return stylesheet;
    }

    @GET
    @Path("{name}")
    public Response file(@PathParam("name") String name) {
        if (!stylesheet.name().equals(name)) {
            throw new NotFoundException("No such asset: " + name);
        }
        return Response.ok(stylesheet.content(), stylesheet.mediaType())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + A_YEAR + ", immutable")
                .build();
    }
}
