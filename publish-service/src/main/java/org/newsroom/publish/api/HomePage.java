package org.newsroom.publish.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.newsroom.publish.domain.Edition;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublicationFilter;

/** The front page: the latest editions and stories, with links that let feed readers discover the feeds. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
    private static final int STORIES = 20;
    private static final int EDITIONS = 5;

    @Inject
    PublicUrls urls;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<EditionTeaser> editions, List<Teaser> stories);
    }

    public record EditionTeaser(String url, String title, String date, String dateReadable) {

        static EditionTeaser of(Edition edition, PublicUrls urls) {
            return new EditionTeaser(
                    urls.edition(edition.slug),
                    edition.title,
                    edition.date.toString(),
                    ArchivePage.READABLE.format(edition.date));
        }
    }

    @GET
    public Response home(@Context Request request) {
        List<Publication> newest = Publication.listPublic(PublicationFilter.newest(STORIES));
        List<Edition> editions = Edition.newestPublished(EDITIONS);
        String version = Teaser.version(newest) + "|"
                + editions.stream().map(e -> e.id.toString()).toList();
        Instant lastModified = Stream.concat(
                        newest.stream().map(Publication::lastModified),
                        editions.stream().map(e -> e.publishedAt))
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return Freshness.respond(
                request,
                version,
                lastModified,
                () -> Response.ok(Templates.home(
                                editions.stream()
                                        .map(e -> EditionTeaser.of(e, urls))
                                        .toList(),
                                Teaser.of(newest, urls)))
                        .type(StoryPage.HTML));
    }
}
