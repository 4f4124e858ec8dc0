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
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;

/** The front page: the newest stories, with links that let feed readers discover the feeds. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
    private static final int SIZE = 20;

    @Inject
    PublicUrls urls;

    @ConfigProperty(name = "newsroom.site.title")
    String title;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String title, List<Teaser> stories);
    }

    public record Teaser(String url, String headline, String outlet, String publishedAt) {
    }

    @GET
    public Response home(@Context Request request) {
        List<Publication> newest = Publication.newest(SIZE);
        String version = newest.stream().map(p -> p.id + ":" + p.version).collect(Collectors.joining(","));
        Instant lastModified = newest.isEmpty() ? Instant.EPOCH : newest.get(0).publishedAt;
        return Freshness.respond(request, version, lastModified, () -> Response.ok(Templates.home(title,
                newest.stream().map(p -> new Teaser(urls.story(p.slug), p.headline, p.outlet,
                        p.publishedAt.toString())).toList()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")));
    }
}
