package org.newsroom.chaos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * An outlet's RSS feed on 127.0.0.1, which ingest polls as a feed source: part of each phase's items reach the
 * pipeline this way rather than by a partner's push. It carries the current phase's entries only: every earlier
 * phase was reconciled (its entries ingested) before the next one began.
 */
final class RssFeed implements AutoCloseable {
    private record Entry(String guid, String link, String title, String html, String published) {}

    private final HttpServer server;
    private final List<Entry> entries = new ArrayList<>();
    private Phase current;

    private RssFeed(HttpServer server) {
        this.server = server;
    }

    static RssFeed start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        RssFeed feed = new RssFeed(server);
        server.createContext("/feed.xml", exchange -> {
            byte[] body = feed.document().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "rss-feed");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return feed;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    /** Puts an entry on the feed, its guid the item's uri; the phase's earlier entries stay on it. */
    synchronized void publish(Phase phase, String uri, String title, String html) {
        if (phase != current) {
            entries.clear();
            current = phase;
        }
        String link = "https://outlet.chaos.example/" + uri.replace(':', '/');
        entries.add(new Entry(
                uri,
                link,
                title,
                html,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))));
    }

    private synchronized String document() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Chaos Outlet</title><link>https://outlet.chaos.example/</link>
                <description>Stories the fault harness publishes</description><language>en</language>
                """);
        // Newest first, as feeds are.
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            xml.append("<item><title>")
                    .append(escape(e.title()))
                    .append("</title><link>")
                    .append(escape(e.link()))
                    .append("</link><guid isPermaLink=\"false\">")
                    .append(escape(e.guid()))
                    .append("</guid><pubDate>")
                    .append(e.published())
                    .append("</pubDate><description>")
                    .append(escape(e.html()))
                    .append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
