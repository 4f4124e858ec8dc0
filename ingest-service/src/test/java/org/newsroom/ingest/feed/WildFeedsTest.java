package org.newsroom.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.ingest.domain.Item;

/**
 * Feeds as they are in the wild: one fixture per quirk, fetched over HTTP like any feed, asserting the fetch log's
 * verdict (ok, malformed-but-read, failed) and the items, links and bodies that come out.
 */
@QuarkusTest
class WildFeedsTest {

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** One fetch of a fixture through a new source. */
    private record Fetched(String sourceId, String source, JsonPath log) {
        String status() {
            return log.getString("status");
        }

        Item item(String externalId) {
            return Item.findBySourceAndExternalId(source, externalId)
                    .orElseThrow(() -> new AssertionError(source + ": no item " + externalId));
        }

        Item headed(String headline) {
            return Item.<Item>find("source = ?1 and headline = ?2", source, headline)
                    .firstResultOptional()
                    .orElseThrow(() -> new AssertionError(source + ": no item headed " + headline));
        }

        long items() {
            return Item.count("source", source);
        }
    }

    private Fetched fetch(String fixture) {
        server.file("/" + fixture, fixture, "application/xml");
        return fetchFrom(server.url("/" + fixture));
    }

    private static Fetched fetchFrom(String url) {
        String sourceId = FeedFetchTest.createSource(url, false, "");
        String name = FeedFetchTest.source(sourceId).getString("name");
        return new Fetched(sourceId, name, FeedFetchTest.fetch(sourceId));
    }

    @Test
    void aDoctypeIsIgnoredAndItsDtdNeverLoaded() {
        AtomicInteger dtdRequests = new AtomicInteger();
        server.on("/rss-0.91.dtd", exchange -> {
            dtdRequests.incrementAndGet();
            FixtureServer.send(
                    exchange, 200, "application/xml-dtd", "<!ENTITY x 'y'>".getBytes(StandardCharsets.UTF_8));
        });
        byte[] feed = new String(FixtureServer.fixture("wild-rss091-netscape-doctype.xml"), StandardCharsets.ISO_8859_1)
                .replace("{DTD}", server.url("/rss-0.91.dtd"))
                .getBytes(StandardCharsets.ISO_8859_1);
        server.on("/netscape.xml", exchange -> FixtureServer.send(exchange, 200, "application/xml", feed));

        Fetched fetched = fetchFrom(server.url("/netscape.xml"));

        assertEquals("ok", fetched.status(), "a DOCTYPE is no malformation: " + fetched.log.getString("error"));
        assertEquals(1, fetched.log.getInt("itemsNew"));
        assertEquals("Old-school feed", fetched.item("https://wild.example/netscape-1").headline);
        assertEquals(0, dtdRequests.get(), "the external DTD was fetched");
    }

    @Test
    void entityDeclarationsAreRefusedEvenInABrokenFeed() {
        Fetched fetched = fetch("wild-entities-declared.xml");
        assertEquals("failed", fetched.status());
        assertTrue(fetched.log.getString("error").contains("declares entities"), fetched.log.getString("error"));
        assertEquals(0, fetched.items());
    }

    @Test
    void aDoctypeQuotedInAnEntryIsTextNotADeclaration() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>XML explained</title><link>https://wild.example/</link><description>d</description>
                <item><title>What XXE looks like</title><link>https://wild.example/xxe-explained</link><guid isPermaLink="false">explained-1</guid>
                <description><![CDATA[<p>It starts with <code><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]></code>.</p>]]></description></item>
                </channel></rss>""";
        server.on(
                "/explained.xml",
                exchange ->
                        FixtureServer.send(exchange, 200, "application/xml", feed.getBytes(StandardCharsets.UTF_8)));
        Fetched fetched = fetchFrom(server.url("/explained.xml"));
        assertEquals("ok", fetched.status(), fetched.log.getString("error"));
        assertEquals("What XXE looks like", fetched.item("explained-1").headline);
    }

    @Test
    void anUndeclaredPrefixIsReadAsTheNamespaceItEvidentlyMeans() {
        Fetched fetched = fetch("wild-undeclared-prefix.xml");
        assertEquals("malformed", fetched.status());
        assertTrue(fetched.log.getString("error").contains("dc:creator"), fetched.log.getString("error"));
        assertEquals(2, fetched.log.getInt("itemsNew"));
        Item first = fetched.item("prefix-1");
        assertEquals("Ana Lopes", first.byline);
        assertEquals("Body of the first.", first.bodyText);
        assertEquals("Body of the second.", fetched.item("prefix-2").bodyText);
    }

    @Test
    void bareAmpersandsStayAsWritten() {
        Fetched fetched = fetch("wild-bare-ampersand.xml");
        assertEquals("malformed", fetched.status());
        Item item = fetched.item("amp-1");
        assertEquals("https://wild.example/story?id=7&copy=1&section=world", item.url, "&copy must not become ©");
        assertEquals("Bonds & stocks", item.headline);
        assertEquals("Prices & yields — both fell.", item.bodyText, "known HTML entities are still read");
    }

    @Test
    void anUnterminatedCdataSectionEndsWithItsElement() {
        Fetched fetched = fetch("wild-unterminated-cdata.xml");
        assertEquals("malformed", fetched.status());
        assertEquals(2, fetched.log.getInt("itemsNew"), "the entries after the broken one are kept");
        assertEquals("<p>First <b>body</b> &amp; more.</p>", fetched.item("cdata-1").bodyHtml);
        assertEquals("After the cut", fetched.item("cdata-2").headline);
        assertEquals("<p>Second body.</p>", fetched.item("cdata-2").bodyHtml);
    }

    @Test
    void htmlEntitiesAndControlCharactersDoNotCostTheEntry() {
        Fetched fetched = fetch("wild-html-entities.xml");
        assertEquals("malformed", fetched.status());
        Item item = fetched.item("cafe-1");
        assertEquals("Café society", item.headline);
        assertEquals("A straycontrol character, and … an ellipsis.", item.bodyText);
    }

    @Test
    void anUnknownRssVersionIsReadAsRss2() {
        Fetched fetched = fetch("wild-rss-version-2.1.xml");
        assertEquals("malformed", fetched.status());
        assertTrue(fetched.log.getString("error").contains("2.1"), fetched.log.getString("error"));
        assertEquals("From the future", fetched.item("v21-1").headline);
    }

    @Test
    void malformationIsInSourceHealthUntilTheFeedIsMended() {
        byte[][] served = {FixtureServer.fixture("wild-bare-ampersand.xml")};
        server.on("/mending.xml", exchange -> FixtureServer.send(exchange, 200, "application/xml", served[0]));
        Fetched fetched = fetchFrom(server.url("/mending.xml"));
        JsonPath health = FeedFetchTest.source(fetched.sourceId);
        assertEquals("malformed", health.getString("health.lastStatus"));
        assertEquals(fetched.log.getString("error"), health.getString("health.malformation"));
        assertEquals(0, health.getInt("health.consecutiveFailures"), "a malformed feed that was read did not fail");

        served[0] = new String(served[0], StandardCharsets.UTF_8)
                .replace("& stocks", "&amp; stocks")
                .replace("7&copy=1&section", "7&amp;copy=1&amp;section")
                .replace("&mdash;", "&#8212;")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("ok", FeedFetchTest.fetch(fetched.sourceId).getString("status"));
        health = FeedFetchTest.source(fetched.sourceId);
        assertEquals("ok", health.getString("health.lastStatus"));
        assertNull(health.getString("health.malformation"));
    }

    @Test
    void xmlBaseIsResolvedPerElementAndNested() {
        Fetched fetched = fetch("wild-atom-xml-base.xml");
        assertEquals("ok", fetched.status(), fetched.log.getString("error"));
        Item nested = fetched.item("urn:wild:base:1");
        assertEquals("https://wild.example/base/2026/story.html", nested.url, "entry base inside the feed's base");
        assertTrue(nested.bodyHtml.contains("href=\"https://wild.example/base/about\""), nested.bodyHtml);
        assertTrue(nested.bodyHtml.contains("src=\"https://wild.example/base/2026/img/chart.jpg\""), nested.bodyHtml);
        Item plain = fetched.item("urn:wild:base:2");
        assertEquals("https://wild.example/base/plain.html", plain.url, "the feed's xml:base, not its alternate link");
        assertTrue(plain.bodyHtml.contains("href=\"https://wild.example/x/y\""), plain.bodyHtml);
    }

    @Test
    void relativeLinksInsideEntryHtmlBecomeAbsolute() {
        Item item = fetch("wild-relative-content.xml").item("relc-1");
        assertTrue(item.bodyHtml.contains("href=\"https://wild.example/about\""), item.bodyHtml);
        assertTrue(item.bodyHtml.contains("href=\"https://other.example/x\""), item.bodyHtml);
        assertTrue(item.bodyHtml.contains("src=\"https://wild.example/news/pics/map.png\""), item.bodyHtml);
        assertFalse(item.bodyHtml.contains("\"/about\""), item.bodyHtml);
    }

    @Test
    void entriesWithoutLinkOrTitleAreKeptAndOnlyTheUnusableSkipped() {
        Fetched fetched = fetch("wild-no-link-no-title.xml");
        assertEquals("ok", fetched.status());
        assertEquals(3, fetched.log.getInt("itemsNew"));
        assertEquals(1, fetched.log.getInt("itemsSkipped"));
        assertTrue(
                fetched.log.getString("skipReason").startsWith("https://wild.example/empty: entry without a title"),
                fetched.log.getString("skipReason"));

        Item guidOnly = fetched.item("gap-guid");
        assertNull(guidOnly.url);
        assertEquals("No link, a guid", guidOnly.headline);
        Item hashed = fetched.headed("No link, no guid");
        assertNull(hashed.url);
        assertEquals(64, hashed.externalId.length(), "a content hash: " + hashed.externalId);
        Item untitled = fetched.item("https://wild.example/untitled");
        assertEquals(
                "Parliament passed the budget late on Tuesday, after U.S. objections were set aside.",
                untitled.headline);

        JsonPath health = FeedFetchTest.source(fetched.sourceId);
        assertEquals(1, health.getInt("health.itemsSkipped"));
        assertEquals(fetched.log.getString("skipReason"), health.getString("health.skipReason"));

        JsonPath again = FeedFetchTest.fetch(fetched.sourceId);
        assertEquals(0, again.getInt("itemsNew"), "identities are stable from one fetch to the next");
        assertEquals(3, again.getInt("itemsUnchanged"));
    }

    @Test
    void hostileMarkupInAMalformedFeedIsSanitizedAfterItsLinksAreResolved() {
        Fetched fetched = fetch("wild-hostile-malformed.xml");
        assertEquals("malformed", fetched.status());
        String body = fetched.item("tricks-1").bodyHtml;
        for (String banned : new String[] {"javascript:", "onclick", "onerror", "script", "iframe", "svg", "alert"}) {
            assertFalse(body.contains(banned), banned + " in " + body);
        }
        assertTrue(body.contains("href=\"https://wild.example/rel\""), body);
        assertTrue(body.contains("src=\"https://wild.example/x.jpg\""), body);
    }

    @Test
    void xhtmlBodyIsTheBodyAndTheDescriptionTheSummary() {
        Item item = fetch("wild-xhtml-body.xml").item("xhtml-1");
        assertEquals("Dek.", item.summary);
        assertEquals("<p>Full <em>xhtml</em> body.</p>", item.bodyHtml);
    }

    @Test
    void mediaDescriptionIsTheBodyOfLastResort() {
        Item item = fetch("wild-media-description.xml").item("media-1");
        assertEquals("The minister's statement, in full.", item.bodyText);
        assertNull(item.summary);
    }

    @Test
    void atomContentOfEachTypeIsTheBodyAheadOfTheSummary() {
        Fetched fetched = fetch("wild-atom-content-types.xml");
        Item text = fetched.item("urn:wild:content:text");
        assertEquals("The dek.", text.summary);
        assertEquals("Rates <b>rose</b> 1 < 2.", text.bodyText, "text content is kept as text");
        assertEquals("<p>Rates <b>rose</b>.</p>", fetched.item("urn:wild:content:html").bodyHtml);
        Item xhtml = fetched.item("urn:wild:content:xhtml");
        assertTrue(xhtml.bodyHtml.contains("<p>Rates <b>rose</b>.</p>"), xhtml.bodyHtml);
        assertTrue(
                xhtml.bodyText.contains("Chart: rates since 2020."), "an object's fallback is kept: " + xhtml.bodyText);
    }

    @Test
    void theFallbackInsideAnObjectIsKeptWhenTheObjectIsDropped() {
        Item item = fetch("wild-object-fallback.xml").item("object-1");
        assertEquals("Watch:\n\nTranscript: the minister said no.\n\nVideo of the vote.", item.bodyText);
        assertFalse(item.bodyHtml.contains("object"), item.bodyHtml);
        assertFalse(item.bodyHtml.contains("video"), item.bodyHtml);
        assertFalse(item.bodyHtml.contains("x.swf"), item.bodyHtml);
    }

    @Test
    void anEmptyBodyIsNotAFeed() {
        server.on("/empty.xml", exchange -> FixtureServer.send(exchange, 200, "application/xml", new byte[0]));
        Fetched fetched = fetchFrom(server.url("/empty.xml"));
        assertEquals("failed", fetched.status());
        assertTrue(
                fetched.log.getString("error").startsWith("not a readable RSS/Atom feed"),
                fetched.log.getString("error"));
    }

    @Test
    void aWebPageIsStillNotAFeed() {
        Fetched fetched = fetch("wild-html-page.xml");
        assertEquals("failed", fetched.status());
        assertTrue(
                fetched.log.getString("error").startsWith("not a readable RSS/Atom feed"),
                fetched.log.getString("error"));
        assertEquals(0, fetched.items());
    }
}
