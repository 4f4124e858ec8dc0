package org.newsroom.publish.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;

/**
 * Site-wide RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest publications. An entry's id is the publication's
 * {@code urn:uuid:}, so it stays the same across versions and feed readers never show a story twice.
 */
@Path("/feeds")
public class FeedResource {
    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";

    @Inject
    PublicUrls urls;

    @ConfigProperty(name = "newsroom.feeds.size")
    int size;

    @ConfigProperty(name = "newsroom.site.title")
    String title;

    @GET
    @Path("rss.xml")
    @Produces(RSS)
    public Response rss(@Context Request request) {
        return syndication(request, "rss_2.0", RSS);
    }

    @GET
    @Path("atom.xml")
    @Produces(ATOM)
    public Response atom(@Context Request request) {
        return syndication(request, "atom_1.0", ATOM);
    }

    @GET
    @Path("feed.json")
    @Produces(JSON_FEED)
    public Response json(@Context Request request) {
        List<Publication> newest = Publication.newest(size);
        return Freshness.respond(request, version(newest), lastModified(newest),
                () -> Response.ok(jsonFeed(newest)).type(JSON_FEED));
    }

    private Response syndication(Request request, String feedType, String mediaType) {
        List<Publication> newest = Publication.newest(size);
        return Freshness.respond(request, feedType + version(newest), lastModified(newest),
                () -> Response.ok(write(syndFeed(newest, feedType))).type(mediaType + ";charset=UTF-8"));
    }

    private SyndFeed syndFeed(List<Publication> publications, String feedType) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(feedType);
        feed.setTitle(title);
        feed.setLink(urls.site("/"));
        feed.setUri(urls.site("/feeds/atom.xml"));
        feed.setDescription("The newest stories of " + title);
        feed.setLanguage("en");
        feed.setPublishedDate(Date.from(lastModified(publications)));
        feed.setEntries(publications.stream().map(this::entry).toList());
        return feed;
    }

    private SyndEntry entry(Publication publication) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(guid(publication));
        entry.setTitle(publication.headline);
        entry.setLink(urls.story(publication.slug));
        entry.setAuthor(publication.byline);
        entry.setPublishedDate(Date.from(publication.publishedAt));
        entry.setUpdatedDate(Date.from(publication.publishedAt));
        SyndContentImpl summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(publication.summary);
        entry.setDescription(summary);
        return entry;
    }

    private static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the " + feed.getFeedType() + " feed", e);
        }
    }

    /** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): field names are the spec's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl, String language, List<JsonFeedItem> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFeedItem(String id, String url, @JsonProperty("external_url") String externalUrl, String title,
            @JsonProperty("content_text") String contentText, @JsonProperty("date_published") Instant datePublished,
            List<Author> authors) {
    }

    public record Author(String name) {
    }

    private JsonFeed jsonFeed(List<Publication> publications) {
        return new JsonFeed("https://jsonfeed.org/version/1.1", title, urls.site("/"), urls.site("/feeds/feed.json"),
                "en", publications.stream().map(this::jsonItem).toList());
    }

    private JsonFeedItem jsonItem(Publication p) {
        return new JsonFeedItem(guid(p), urls.story(p.slug), p.outletUrl, p.headline,
                p.summary == null ? "" : p.summary, p.publishedAt,
                p.byline == null || p.byline.isBlank() ? null : List.of(new Author(p.byline)));
    }

    private static String guid(Publication publication) {
        return "urn:uuid:" + publication.id;
    }

    private static String version(List<Publication> publications) {
        return publications.stream().map(p -> p.id + ":" + p.version).collect(Collectors.joining(","));
    }

    private static Instant lastModified(List<Publication> publications) {
        return publications.isEmpty() ? Instant.EPOCH : publications.get(0).publishedAt;
    }
}
