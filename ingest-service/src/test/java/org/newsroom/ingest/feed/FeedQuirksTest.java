package org.newsroom.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.ingest.domain.Item;

/** Real-world feed quirks, each a fixture feed served over HTTP and fetched like any other feed. */
@QuarkusTest
class FeedQuirksTest {

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves the fixture, fetches it through a new source, checks the count; gives a lookup by external id. */
    private Function<String, Item> ingest(String fixture, int expectedNew) {
        String type = fixture.endsWith(".json") ? "application/feed+json" : "application/xml";
        server.file("/" + fixture, fixture, type);
        String sourceId = FeedFetchTest.createSource(server.url("/" + fixture), false, "");
        String name = FeedFetchTest.source(sourceId).getString("name");
        JsonPath result = FeedFetchTest.fetch(sourceId);
        assertEquals("ok", result.getString("status"), fixture + ": " + result.getString("error"));
        assertEquals(expectedNew, result.getInt("itemsNew"), fixture);
        return externalId -> Item.findBySourceAndExternalId(name, externalId)
                .orElseThrow(() -> new AssertionError(fixture + ": no item " + externalId));
    }

    @Test
    void cdataAndEscapedHtmlDescriptions() {
        var items = ingest("rss2-cdata-escaped.xml", 2);
        assertEquals("Markets rally & bonds slip.", items.apply("cdata").summary);
        assertEquals("<p>Markets <em>rally</em> &amp; bonds slip.</p>", items.apply("cdata").bodyHtml);
        Item escaped = items.apply("escaped");
        assertEquals("Escaped HTML body.", escaped.summary);
        assertFalse(escaped.bodyHtml.contains("script"), escaped.bodyHtml);
    }

    @Test
    void oddDates() {
        var items = ingest("rss2-dates.xml", 5);
        assertEquals(Instant.parse("2026-11-24T12:30:00Z"), items.apply("d1").publishedAt);
        assertEquals(Instant.parse("2026-11-24T06:30:00Z"), items.apply("d2").publishedAt);
        assertEquals(Instant.parse("2026-11-24T07:30:00Z"), items.apply("d3").publishedAt);
        assertNull(items.apply("d4").publishedAt);
        assertNull(items.apply("d5").publishedAt);
    }

    @Test
    void relativeLinksAreResolvedAgainstTheFeed() {
        var items = ingest("rss2-relative-links.xml", 2);
        assertEquals("https://quirks.example/news/2026/relative", items.apply("rel-1").url);
        assertEquals("https://quirks.example/news/story-2", items.apply("rel-2").url);
    }

    @Test
    void dcCreatorAndCategories() {
        Item item = ingest("rss2-dc-creator-categories.xml", 1).apply("creator");
        assertEquals("Ana Lopes", item.byline);
        assertEquals(List.of("markets", "energy"), item.sections, "lower-case, each once");
    }

    @Test
    void mediaContentWithCaptionAndCredit() {
        Item item = ingest("rss2-media-content.xml", 1).apply("media");
        assertEquals("https://img.quirks.example/port.jpg", item.imageUrl);
        assertEquals("Cranes at the port at dawn.", item.imageCaption);
        assertEquals("Photo: K. Diaz / Agency", item.imageCredit);
    }

    @Test
    void mediaThumbnail() {
        assertEquals(
                "https://img.quirks.example/thumb.jpg",
                ingest("rss2-media-thumbnail.xml", 1).apply("thumb").imageUrl);
    }

    @Test
    void imageEnclosuresButNotAudio() {
        var items = ingest("rss2-enclosure.xml", 2);
        assertEquals("https://img.quirks.example/enc.jpg", items.apply("enc").imageUrl);
        assertNull(items.apply("pod").imageUrl);
    }

    @Test
    void encodingDeclaredInTheProlog() {
        Item latin = ingest("rss2-iso-8859-1.xml", 1).apply("latin1");
        assertEquals("Caf\u00e9 na pra\u00e7a", latin.headline);
        assertEquals("Pre\u00e7os sobem \u00a3 5.", latin.summary);
    }

    @Test
    void windows1252() {
        assertEquals(
                "\u201cQuoted\u201d \u2013 dash",
                ingest("rss2-windows-1252.xml", 1).apply("cp1252").headline);
    }

    @Test
    void byteOrderMark() {
        assertEquals("BOM item \u2014 ok", ingest("rss2-bom.xml", 1).apply("bom").headline);
    }

    @Test
    void whitespacePaddedFields() {
        Item item = ingest("rss2-whitespace.xml", 1).apply("padded");
        assertEquals("Padded headline", item.headline);
        assertEquals("https://quirks.example/padded", item.url);
        assertEquals("Quirks", item.outlet);
    }

    @Test
    void itemsWithoutGuidAreKnownByTheirCanonicalLink() {
        var items = ingest("rss2-no-guid.xml", 3);
        assertEquals("No guid one", items.apply("https://quirks.example/noguid").headline);
        assertEquals("No guid two", items.apply("https://quirks.example/noguid-2").headline);
    }

    @Test
    void rssTtlDelaysTheNextCheck() {
        server.file("/ttl.xml", "rss2-ttl.xml", "application/rss+xml");
        String sourceId = FeedFetchTest.createSource(server.url("/ttl.xml"), false, "");
        Instant before = Instant.now();
        JsonPath result = FeedFetchTest.fetch(sourceId);
        assertTrue(Instant.parse(result.getString("nextFetchAt")).isAfter(before.plusSeconds(119 * 60)));
    }

    @Test
    void contentEncodedIsTheSanitizedBody() {
        Item item = ingest("rss2-content-encoded.xml", 1).apply("encoded");
        assertEquals("Short dek.", item.summary);
        assertFalse(item.bodyHtml.contains("onmouseover"), item.bodyHtml);
        assertFalse(item.bodyHtml.contains("iframe"), item.bodyHtml);
        assertFalse(item.bodyHtml.contains("t.example"), item.bodyHtml);
        assertTrue(item.bodyHtml.contains("rel=\""), item.bodyHtml);
        assertTrue(item.bodyHtml.contains("https://img.quirks.example/in.jpg"), item.bodyHtml);
        assertEquals("Full story.", item.bodyText);
    }

    @Test
    void rss10Rdf() {
        Item item = ingest("rss1-rdf.xml", 1).apply("https://quirks.example/rdf-1");
        assertEquals("RDF item", item.headline);
        assertEquals("R. Dee", item.byline);
        assertEquals(Instant.parse("2026-11-24T07:30:00Z"), item.publishedAt);
    }

    @Test
    void rss091() {
        Item item = ingest("rss091.xml", 1).apply("https://quirks.example/091");
        assertEquals("From 1999.", item.summary);
        assertEquals("en", item.language);
    }

    @Test
    void atom10WithXmlBaseAndHtmlTitle() {
        Item item = ingest("atom10.xml", 1).apply("urn:quirks:atom:1");
        assertEquals("Atom entry", item.headline);
        assertEquals("https://quirks.example/atom/entry-1.html", item.url);
        assertEquals("Atom Author", item.byline);
        assertEquals("Atom summary.", item.summary);
        assertEquals("<p>Atom <strong>body</strong>.</p>", item.bodyHtml);
        assertEquals(Instant.parse("2026-11-24T06:30:00Z"), item.publishedAt);
        assertEquals(List.of("politics"), item.sections);
    }

    @Test
    void atom03() {
        Item item = ingest("atom03.xml", 1).apply("urn:quirks:atom03:1");
        assertEquals("https://quirks.example/atom03-1", item.url);
        assertEquals("Old Atom", item.byline);
    }

    @Test
    void jsonFeed11() {
        var items = ingest("jsonfeed11.json", 2);
        Item item = items.apply("json-1");
        assertEquals("https://quirks.example/json/1", item.url);
        assertEquals("<p>JSON <em>body</em></p>", item.bodyHtml);
        assertEquals("JSON dek.", item.summary);
        assertEquals("Jay Son", item.byline);
        assertEquals("https://img.quirks.example/json.jpg", item.imageUrl);
        assertEquals("fr", item.language);
        assertEquals(List.of("health", "markets"), item.sections);
        assertEquals("Plain <not a tag> text.", items.apply("json-2").bodyText);
    }

    @Test
    void jsonFeed10WithBom() {
        Item item = ingest("jsonfeed10.json", 1).apply("json10-1");
        assertEquals("Old Jay", item.byline);
        assertEquals(Instant.parse("2026-11-24T07:30:00Z"), item.publishedAt);
    }
}
