package org.newsroom.publish.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a reader lands after grading or writing a letter: editorial-service takes the form's POST and answers with a
 * redirect here, naming the page the reader came from in {@code returnTo}. That page gets a link back only when it is
 * a path on this site; anything else (another site, {@code //host}, a scheme) links to the front page instead, so
 * this page sends nobody elsewhere.
 */
@Path("/thanks")
@Produces(MediaType.TEXT_HTML)
public class ThanksPage {
    private static final int MAX_RETURN_TO = 2000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grade(Back back);

        static native TemplateInstance letter(Back back);
    }

    /** The link back: where to and what it is called. */
    record Back(String href, String label) {}

    @GET
    @Path("grade")
    public Response grade(@QueryParam("returnTo") String returnTo) {
        return Response.ok(Templates.grade(back(returnTo))).type(StoryPage.HTML).build();
    }

    @GET
    @Path("letter")
    public Response letter(@QueryParam("returnTo") String returnTo) {
        return Response.ok(Templates.letter(back(returnTo)))
                .type(StoryPage.HTML)
                .build();
    }

    static Back back(String returnTo) {
        if (!isSitePath(returnTo)) {
            return new Back("/", "Back to the front page");
        }
        if (returnTo.startsWith("/stories/")) {
            return new Back(returnTo, "Back to the story");
        }
        if (returnTo.startsWith("/editions/")) {
            return new Back(returnTo, "Back to the edition");
        }
        return new Back(returnTo, "Back to the page you were reading");
    }

    /**
     * An absolute path on this site: one leading slash (not {@code //host}, nor {@code /\host}, which browsers read
     * as {@code //host}), no scheme, no host, no whitespace or control characters.
     */
    static boolean isSitePath(String returnTo) {
        if (returnTo == null
                || returnTo.length() > MAX_RETURN_TO
                || !returnTo.startsWith("/")
                || returnTo.startsWith("//")
                || returnTo.contains("\\")
                || returnTo.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(returnTo);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
