package org.newsroom.publish.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.publish.domain.Edition;
import org.newsroom.publish.domain.PublicUrls;

/**
 * The public page of an edition: the lead story with its editor's note, image, author bio and rights line, then the
 * numbered briefs.
 */
@Path("/editions")
@Produces(MediaType.TEXT_HTML)
public class EditionPage {
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @Inject
    PublicUrls urls;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edition(View edition);

        static native TemplateInstance notFound(String slug);
    }

    /** What the page shows. An outlet URL is null unless it is an http(s) link. */
    public record View(
            String url,
            String title,
            String date,
            String dateReadable,
            List<String> sections,
            Lead lead,
            List<Brief> briefs) {}

    public record Lead(
            String headline,
            String byline,
            String editorsNote,
            StoryPage.Image image,
            List<String> paragraphs,
            String outlet,
            String outletUrl,
            String authorBio,
            String rights) {}

    public record Brief(int number, String headline, List<String> paragraphs, String outlet, String outletUrl) {}

    @GET
    @Path("{slug}")
    public Response page(@PathParam("slug") String slug, @Context Request request) {
        return Edition.findPublished(slug)
                .map(e -> Freshness.respond(
                        request,
                        e.id.toString(),
                        e.publishedAt,
                        () -> Response.ok(Templates.edition(view(e))).type(HTML)))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Templates.notFound(slug))
                        .type(HTML)
                        .build());
    }

    private View view(Edition edition) {
        EditionApproved content = edition.content();
        return new View(
                urls.edition(edition.slug),
                content.title(),
                content.date().toString(),
                READABLE.format(content.date()),
                content.sections() == null ? List.of() : content.sections(),
                lead(content.lead()),
                content.briefs().stream().map(EditionPage::brief).toList());
    }

    private static Lead lead(EditionLead lead) {
        Attribution source = lead.attribution();
        return new Lead(
                lead.headline(),
                StoryPage.blankToNull(lead.byline()),
                StoryPage.blankToNull(lead.editorsNote()),
                StoryPage.image(lead.imageUrl(), lead.imageCaption(), lead.imageCredit(), lead.headline()),
                StoryPage.paragraphs(lead.summary()),
                source.outlet(),
                StoryPage.httpLink(source.url()),
                StoryPage.blankToNull(lead.authorBio()),
                StoryPage.blankToNull(lead.rights()));
    }

    private static Brief brief(EditionBrief brief) {
        return new Brief(
                brief.number(),
                brief.headline(),
                brief.paragraphs(),
                brief.attribution().outlet(),
                StoryPage.httpLink(brief.attribution().url()));
    }
}
