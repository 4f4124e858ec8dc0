package org.newsroom.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.io.FeedException;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.Topics;
import org.newsroom.ingest.domain.Item;
import org.newsroom.testing.TopicWatcher;

@QuarkusTest
class FeedPollerTest {

    @Inject
    FeedPoller poller;

    private HttpServer server;
    private volatile String body;

    @BeforeEach
    void serveFeed() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");
    }

    @Test
    void feedEntriesBecomeItemsOnceEach() throws Exception {
        String run = UUID.randomUUID().toString();
        body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>The Harbor Ledger</title><link>https://example.org/</link><description>d</description>
                    <item>
                      <title>  Grain corridor reopens  </title><link>https://example.org/grain</link>
                      <guid>%1$s-1</guid><pubDate>Tue, 24 Nov 2026 07:30:00 GMT</pubDate>
                      <description><![CDATA[<p>Ships <b>resume</b> sailing.</p>]]></description>
                      <dc:creator>R. Keel</dc:creator>
                    </item>
                    <item>
                      <title>Central bank holds rates</title><link>https://example.org/rates</link>
                      <guid>%1$s-2</guid><pubDate>Tue, 24 Nov 2026 08:00:00 +0000</pubDate>
                      <description>Policy unchanged.</description>
                    </item>
                  </channel>
                </rss>""".formatted(run);

        try (TopicWatcher items = TopicWatcher.open(Topics.ITEMS)) {
            assertEquals(new FeedPoller.FetchResult(2, 2), poller.poll(url()));
            assertEquals(new FeedPoller.FetchResult(2, 0), poller.poll(url()), "a second poll finds nothing new");

            Item grain = Item.findBySourceAndExternalId("sample-feed", run + "-1").orElseThrow();
            assertEquals("Grain corridor reopens", grain.headline);
            assertEquals("Ships resume sailing.", grain.summary);
            assertEquals("R. Keel", grain.byline);
            assertEquals("The Harbor Ledger", grain.outlet);
            assertEquals("2026-11-24T07:30:00Z", grain.publishedAt.toString());

            ItemIngested event = EventCodec.decode(
                    items.await(r -> grain.id.toString().equals(r.key()), Duration.ofSeconds(20)).value(),
                    ItemIngested.class);
            assertEquals("Grain corridor reopens", event.headline());
        }
    }

    @Test
    void externalEntitiesAreRefused() {
        body = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>t</title><link>https://example.org/</link><description>d</description>
                <item><title>&xxe;</title><link>https://example.org/x</link></item></channel></rss>""";
        assertThrows(FeedException.class, () -> poller.poll(url()));
        assertTrue(Item.find("headline like ?1", "%root:%").list().isEmpty());
    }
}
