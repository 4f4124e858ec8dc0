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

    private static final Asset STYLESHEET = Asset.fingerprinted("theme/site.css", "text/css; charset=utf-8");

    /**
     * The stylesheet's current name. A page names it, so a page's validator (ETag) must change with it: a browser
     * told "not modified" after a release would keep a page whose stylesheet is gone.
     */
    public static String stylesheetName() {
        return STYLESHEET.name();
    }

    @GET
    @Path("{name}")
    public Response file(@PathParam("name") String name) {
        if (!STYLESHEET.name().equals(name)) {
            throw new NotFoundException("No such asset: " + name);
        }
        return Response.ok(STYLESHEET.content(), STYLESHEET.mediaType())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + A_YEAR + ", immutable")
                .build();
    }
}
