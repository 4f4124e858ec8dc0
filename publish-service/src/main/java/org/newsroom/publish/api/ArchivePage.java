package org.newsroom.publish.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.newsroom.problem.FieldProblems;
import org.newsroom.publish.domain.Archive;
import org.newsroom.publish.domain.Edition;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;

/** What was published on each day (UTC): an index of days, and each day's editions and stories. */
@Path("/archive")
@Produces(MediaType.TEXT_HTML)
public class ArchivePage {
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @Inject
    PublicUrls urls;

    @Inject
    Archive archive;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<DayLink> days);

        static native TemplateInstance day(
                String date, String dateReadable, List<HomePage.EditionTeaser> editions, List<Teaser> stories);
    }

    public record DayLink(String url, String date, String dateReadable, long stories, long editions) {}

    @GET
    public Response index() {
        return Response.ok(Templates.index(archive.days().stream()
                        .map(d -> new DayLink(
                                urls.site("/archive/" + d.date()),
                                d.date().toString(),
                                READABLE.format(d.date()),
                                d.stories(),
                                d.editions()))
                        .toList()))
                .type(StoryPage.HTML)
                .cacheControl(Freshness.cacheControl())
                .build();
    }

    @GET
    @Path("{date}")
    public Response day(@PathParam("date") String date) {
        LocalDate day = parse(date);
        List<HomePage.EditionTeaser> editions = Edition.publishedFor(day).stream()
                .map(e -> new HomePage.EditionTeaser(urls.edition(e.slug), e.title, e.date.toString()))
                .toList();
        List<Publication> stories = Publication.publishedOn(day);
        return Response.ok(Templates.day(day.toString(), READABLE.format(day), editions, Teaser.of(stories, urls)))
                .type(StoryPage.HTML)
                .cacheControl(Freshness.cacheControl())
                .build();
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw FieldProblems.invalid("date", "must be a date like 2026-11-25");
        }
    }
}
