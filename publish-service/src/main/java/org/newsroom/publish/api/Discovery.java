package org.newsroom.publish.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Sitemap;
import org.newsroom.theme.Theme;

/**
 * What crawlers read first: robots.txt, which names the sitemaps; the sitemap of every public story and edition; and
 * the news sitemap of the last two days' (Google's format: title, publication, date).
 */
@Path("/")
public class Discovery {
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Google's news sitemap takes articles of the last two days. */
    private static final Duration RECENT = Duration.ofDays(2);

    private static final MediaType XML = MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8");

    @Inject
    PublicUrls urls;

    @Inject
    Sitemap sitemap;

    @Inject
    Theme.Site site;

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    @GET
    @Path("robots.txt")
    @Produces(MediaType.TEXT_PLAIN)
    public Response robots() {
        String text = "User-agent: *\nDisallow: /api/\n\nSitemap: " + urls.site("/sitemap.xml") + "\nSitemap: "
                + urls.site("/sitemap-news.xml") + "\n";
        return Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .cacheControl(Freshness.cacheControl())
                .build();
    }

    @GET
    @Path("sitemap.xml")
    @Produces(MediaType.APPLICATION_XML)
    public Response sitemap() {
        List<Sitemap.Entry> stories = sitemap.stories(Instant.EPOCH, Sitemap.STORIES);
        List<Sitemap.Entry> editions = sitemap.editions(Instant.EPOCH, Sitemap.EDITIONS);
        return xml(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            url(xml, urls.site("/"), null);
            url(xml, urls.site("/archive"), null);
            for (Sitemap.Entry edition : editions) {
                url(xml, urls.edition(edition.slug()), edition.modified());
            }
            for (Sitemap.Entry story : stories) {
                url(xml, urls.story(story.slug()), story.modified());
            }
            xml.writeEndElement();
        });
    }

    @GET
    @Path("sitemap-news.xml")
    @Produces(MediaType.APPLICATION_XML)
    public Response news() {
        Instant since = Instant.now().minus(RECENT);
        List<Sitemap.Entry> editions = sitemap.editions(since, Sitemap.NEWS);
        List<Sitemap.Entry> stories = sitemap.stories(since, Sitemap.NEWS - editions.size());
        return xml(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("news", NEWS);
            for (Sitemap.Entry edition : editions) {
                article(xml, urls.edition(edition.slug()), edition);
            }
            for (Sitemap.Entry story : stories) {
                article(xml, urls.story(story.slug()), story);
            }
            xml.writeEndElement();
        });
    }

    private void article(XMLStreamWriter xml, String url, Sitemap.Entry entry) throws XMLStreamException {
        xml.writeStartElement("url");
        element(xml, "loc", url);
        xml.writeStartElement(NEWS, "news");
        xml.writeStartElement(NEWS, "publication");
        newsElement(xml, "name", site.title());
        newsElement(xml, "language", "en");
        xml.writeEndElement();
        newsElement(xml, "publication_date", second(entry.published()));
        newsElement(xml, "title", entry.title());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void url(XMLStreamWriter xml, String url, Instant modified) throws XMLStreamException {
        xml.writeStartElement("url");
        element(xml, "loc", url);
        if (modified != null) {
            element(xml, "lastmod", second(modified));
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(NEWS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String second(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Response xml(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.setDefaultNamespace(SITEMAP);
            xml.setPrefix("news", NEWS);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return Response.ok(out.toString(), XML)
                .cacheControl(Freshness.cacheControl())
                .build();
    }
}
