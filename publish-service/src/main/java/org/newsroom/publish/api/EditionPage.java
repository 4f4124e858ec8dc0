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
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.newsroom.events.Attribution;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EditionBrief;
import org.newsroom.events.EditionLead;
import org.newsroom.publish.domain.Edition;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublishSettings;
import org.newsroom.theme.Theme;

/**
 * The public page of an edition: the lead story with its editor's note, image, author bio and rights line, then the
 * numbered briefs ("Takes"), and the grade and letter forms for the lead, which is what readers of the newsletter
 * answer to.
 */
@Path("/editions")
@Produces(MediaType.TEXT_HTML)
public class EditionPage {
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @Inject
    PublicUrls urls;

    @Inject
    PublishSettings settings;

    @Inject
    Theme.Site site;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edition(View edition);

        static native TemplateInstance notFound(String slug);
    }

    /** What the page shows. Feedback is null when the lead story is no longer public (retracted since). */
    public record View(
            String url,
            String title,
            String date,
            String dateReadable,
            List<String> sections,
            Lead lead,
            List<Brief> briefs,
            Feedback feedback,
            Sharing sharing) {}

    /** The lead as approved with the edition; its page and dateline come from its publication here. */
    public record Lead(
            String url,
            String headline,
            String byline,
            String dateline,
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
                .map(e -> {
                    EditionApproved content = e.content();
                    Publication leadStory = publicLead(content);
                    // the page shows the lead's dateline and forms too: a correction or retraction changes it
                    String version = e.id + "|" + (leadStory == null ? "-" : leadStory.version);
                    Instant modified =
                            leadStory == null || leadStory.lastModified().isBefore(e.publishedAt)
                                    ? e.publishedAt
                                    : leadStory.lastModified();
                    return Freshness.respond(
                            request,
                            version,
                            modified,
                            () -> Response.ok(page(e.slug, content, e.publishedAt, leadStory))
                                    .type(HTML));
                })
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Templates.notFound(slug))
                        .type(HTML)
                        .build());
    }

    /** The lead's publication here while it is public: its page, dateline and feedback forms show on the edition's. */
    static Publication publicLead(EditionApproved content) {
        return Publication.findByStoryId(content.lead().storyId())
                .filter(Publication::isPublic)
                .orElse(null);
    }

    /**
     * The page of an edition from its approved snapshot: the published page, and the desk's preview of a draft
     * ({@link EditionPreview}), which has no row here, are both this.
     *
     * @param slug its address here
     * @param leadStory the lead's publication here, null if it is not public (not yet, or no longer)
     */
    TemplateInstance page(String slug, EditionApproved content, Instant publishedAt, Publication leadStory) {
        return Templates.edition(view(slug, content, publishedAt, leadStory));
    }

    private View view(String slug, EditionApproved content, Instant publishedAt, Publication leadStory) {
        String url = urls.edition(slug);
        Lead lead = lead(content.lead(), leadStory);
        String published = StoryPage.machine(publishedAt);
        return new View(
                url,
                content.title(),
                content.date().toString(),
                READABLE.format(content.date()),
                content.sections() == null ? List.of() : content.sections(),
                lead,
                content.briefs().stream().map(EditionPage::brief).toList(),
                leadStory == null
                        ? null
                        : Feedback.on(settings, "Grade this edition's lead story", leadStory.id.toString(), url),
                Sharing.of(new Sharing.Article(
                        url,
                        content.title() + ": " + lead.headline(),
                        lead.editorsNote() != null
                                ? lead.editorsNote()
                                : content.lead().summary(),
                        site.title(),
                        "Organization",
                        lead.image(),
                        published,
                        null,
                        site.title(),
                        urls.site(""))));
    }

    private Lead lead(EditionLead lead, Publication story) {
        Attribution source = lead.attribution();
        return new Lead(
                story == null ? null : urls.story(story.slug),
                lead.headline(),
                StoryPage.blankToNull(lead.byline()),
                story == null ? null : StoryPage.blankToNull(story.article.dateline),
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
