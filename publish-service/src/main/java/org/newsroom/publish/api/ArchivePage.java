package org.newsroom.publish.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/**
 * What was published on each day (UTC): an index of days, newest first, in pages linked to each other (rel=prev and
 * next), and each day's editions and stories.
 */
@Path("/archive")
@Produces(MediaType.TEXT_HTML)
public class ArchivePage {
    static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final int DAYS_PER_PAGE = 60;
    static final int MAX_PAGE = (Archive.MAX_DAYS + DAYS_PER_PAGE - 1) / DAYS_PER_PAGE;

    @Inject
    PublicUrls urls;

    @Inject
    Archive archive;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(IndexPage page);

        static native TemplateInstance day(
                String url,
                String date,
                String dateReadable,
                List<HomePage.EditionTeaser> editions,
                List<Teaser> stories);
    }

    public record DayLink(String url, String date, String dateReadable, long stories, long editions) {}

    /** One page of the index; previous (newer days) and next (older days) are null at either end. */
    public record IndexPage(int number, String url, List<DayLink> days, String previous, String next) {}

    @GET
    public Response index(@QueryParam("page") String page) {
        int number = pageNumber(page);
        List<Archive.Day> days = archive.days((number - 1) * DAYS_PER_PAGE, DAYS_PER_PAGE + 1);
        return Response.ok(Templates.index(new IndexPage(
                        number,
                        indexUrl(number),
                        days.stream().limit(DAYS_PER_PAGE).map(this::link).toList(),
                        number > 1 ? indexUrl(number - 1) : null,
                        days.size() > DAYS_PER_PAGE ? indexUrl(number + 1) : null)))
                .type(StoryPage.HTML)
                .cacheControl(Freshness.cacheControl())
                .build();
    }

    @GET
    @Path("{date}")
    public Response day(@PathParam("date") String date) {
        LocalDate day = parse(date);
        List<HomePage.EditionTeaser> editions = Edition.publishedFor(day).stream()
                .map(e -> HomePage.EditionTeaser.of(e, urls))
                .toList();
        List<Publication> stories = Publication.publishedOn(day);
        return Response.ok(Templates.day(
                        urls.site("/archive/" + day),
                        day.toString(),
                        READABLE.format(day),
                        editions,
                        Teaser.of(stories, urls)))
                .type(StoryPage.HTML)
                .cacheControl(Freshness.cacheControl())
                .build();
    }

    private DayLink link(Archive.Day day) {
        return new DayLink(
                urls.site("/archive/" + day.date()),
                day.date().toString(),
                READABLE.format(day.date()),
                day.stories(),
                day.editions());
    }

    private String indexUrl(int number) {
        return urls.site(number == 1 ? "/archive" : "/archive?page=" + number);
    }

    private static int pageNumber(String page) {
        if (page == null) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page);
            if (number >= 1 && number <= MAX_PAGE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw FieldProblems.invalid(
                "page", "must be a page number from 1 to " + (Archive.MAX_DAYS / DAYS_PER_PAGE + 1));
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw FieldProblems.invalid("date", "must be a date like 2026-11-25");
        }
    }
}
