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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.newsroom.events.EditionApproved;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;
import org.newsroom.publish.domain.Edition;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;
import org.newsroom.publish.domain.PublicationFilter;
import org.newsroom.publish.domain.PublishSettings;
import org.newsroom.publish.domain.Sections;
import org.newsroom.theme.Theme;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1: site-wide, per section and of editions. An entry's id is the publication's
 * (or edition's) {@code urn:uuid:}, so it stays the same across versions and feed readers never show a story twice;
 * a correction shows as the entry's updated date. Retracted and embargoed stories are never in a feed.
 */
@Path("/feeds")
public class FeedResource {
    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";
    private static final String FILES = "{file: rss\\.xml|atom\\.xml|feed\\.json}";

    @Inject
    PublicUrls urls;

    @Inject
    PublishSettings settings;

    @Inject
    Theme.Site site;

    /** One feed, whatever its format. */
    record Feed(String title, String description, String path, List<Entry> entries) {}

    record Entry(
            String id,
            String url,
            String title,
            String text,
            String author,
            String externalUrl,
            Instant published,
            Instant updated) {}

    @GET
    @Path("rss.xml")
    @Produces(RSS)
    public Response rss(@Context Request request) {
        return serve(request, "rss.xml", siteFeed());
    }

    @GET
    @Path("atom.xml")
    @Produces(ATOM)
    public Response atom(@Context Request request) {
        return serve(request, "atom.xml", siteFeed());
    }

    @GET
    @Path("feed.json")
    @Produces(JSON_FEED)
    public Response json(@Context Request request) {
        return serve(request, "feed.json", siteFeed());
    }

    @GET
    @Path("sections/{section}/" + FILES)
    public Response section(
            @Context Request request, @PathParam("section") String section, @PathParam("file") String file) {
        String key = Sections.key(section);
        List<Publication> newest = Publication.listPublic(PublicationFilter.inSection(key, settings.feedSize()));
        if (newest.isEmpty()) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "Nothing published in " + section));
        }
        String name = newest.get(0).article.sections.stream()
                .filter(s -> Sections.key(s).equals(key))
                .findFirst()
                .orElse(section);
        String title = site.title();
        return serve(
                request,
                file,
                new Feed(
                        title + " · " + name,
                        "The newest " + name + " stories of " + title,
                        "/feeds/sections/" + key + "/",
                        newest.stream().map(this::entry).toList()));
    }

    @GET
    @Path("editions/" + FILES)
    public Response editions(@Context Request request, @PathParam("file") String file) {
        String title = site.title();
        return serve(
                request,
                file,
                new Feed(
                        title + " · Editions",
                        "The newest editions of " + title,
                        "/feeds/editions/",
                        Edition.newestPublished(settings.feedSize()).stream()
                                .map(this::entry)
                                .toList()));
    }

    private Feed siteFeed() {
        String title = site.title();
        return new Feed(
                title,
                "The newest stories of " + title,
                "/feeds/",
                Publication.listPublic(PublicationFilter.newest(settings.feedSize())).stream()
                        .map(this::entry)
                        .toList());
    }

    private Entry entry(Publication p) {
        return new Entry(
                guid(p.id.toString()),
                urls.story(p.slug),
                p.article.headline,
                p.article.summary,
                StoryPage.blankToNull(p.article.byline),
                p.article.outletUrl,
                p.publishedAt,
                p.lastModified());
    }

    private Entry entry(Edition edition) {
        EditionApproved content = edition.content();
        String text = content.lead().headline() + "\n\n"
                + content.briefs().stream()
                        .map(b -> b.number() + ". " + b.headline())
                        .collect(Collectors.joining("\n"));
        return new Entry(
                guid(edition.id.toString()),
                urls.edition(edition.slug),
                content.title() + " — " + content.date(),
                text,
                null,
                null,
                edition.publishedAt,
                edition.publishedAt);
    }

    private Response serve(Request request, String file, Feed feed) {
        String version = file
                + feed.path()
                + feed.entries().stream().map(e -> e.id() + "@" + e.updated()).collect(Collectors.joining(","));
        return Freshness.respond(request, version, lastModified(feed), () -> switch (file) {
            case "rss.xml" ->
                Response.ok(write(syndFeed(feed, "rss_2.0", file))).type(RSS + ";charset=UTF-8");
            case "atom.xml" ->
                Response.ok(write(syndFeed(feed, "atom_1.0", file))).type(ATOM + ";charset=UTF-8");
            default -> Response.ok(jsonFeed(feed)).type(JSON_FEED);
        });
    }

    private SyndFeed syndFeed(Feed feed, String feedType, String file) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(feedType);
        syndFeed.setTitle(feed.title());
        syndFeed.setLink(urls.site("/"));
        syndFeed.setUri(urls.site(feed.path() + file));
        syndFeed.setDescription(feed.description());
        syndFeed.setLanguage("en");
        syndFeed.setPublishedDate(Date.from(lastModified(feed)));
        syndFeed.setEntries(feed.entries().stream().map(FeedResource::syndEntry).toList());
        return syndFeed;
    }

    private static SyndEntry syndEntry(Entry entry) {
        SyndEntry syndEntry = new SyndEntryImpl();
        syndEntry.setUri(entry.id());
        syndEntry.setTitle(entry.title());
        syndEntry.setLink(entry.url());
        syndEntry.setAuthor(entry.author());
        syndEntry.setPublishedDate(Date.from(entry.published()));
        syndEntry.setUpdatedDate(Date.from(entry.updated()));
        SyndContentImpl summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(entry.text());
        syndEntry.setDescription(summary);
        return syndEntry;
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
    public record JsonFeed(
            String version,
            String title,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            String language,
            List<JsonFeedItem> items) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFeedItem(
            String id,
            String url,
            @JsonProperty("external_url") String externalUrl,
            String title,
            @JsonProperty("content_text") String contentText,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<Author> authors) {}

    public record Author(String name) {}

    private JsonFeed jsonFeed(Feed feed) {
        return new JsonFeed(
                "https://jsonfeed.org/version/1.1",
                feed.title(),
                urls.site("/"),
                urls.site(feed.path() + "feed.json"),
                "en",
                feed.entries().stream()
                        .map(e -> new JsonFeedItem(
                                e.id(),
                                e.url(),
                                e.externalUrl(),
                                e.title(),
                                e.text() == null ? "" : e.text(),
                                e.published(),
                                e.updated(),
                                e.author() == null ? null : List.of(new Author(e.author()))))
                        .toList());
    }

    private static String guid(String id) {
        return "urn:uuid:" + id.toLowerCase(Locale.ROOT);
    }

    private static Instant lastModified(Feed feed) {
        return feed.entries().stream()
                .map(Entry::updated)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }
}
