package org.newsroom.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.newsroom.ingest.domain.Ingestion;
import org.newsroom.ingest.domain.NewItem;

/**
 * Polls the configured RSS/Atom feed and takes its entries in. A walking-skeleton fetcher: timeouts and a body cap,
 * but no conditional GET, backoff or SSRF guard yet (issue "ingest-service").
 */
@ApplicationScoped
public class FeedPoller {
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    @Inject
    Ingestion ingestion;

    @ConfigProperty(name = "newsroom.feed.url")
    Optional<URI> feedUrl;

    @ConfigProperty(name = "newsroom.feed.source")
    String source;

    @ConfigProperty(name = "newsroom.feed.max-bytes")
    int maxBytes;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public record FetchResult(int entries, int created) {
    }

    @Scheduled(every = "${newsroom.feed.interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollConfiguredFeed() {
        feedUrl.ifPresent(url -> {
            try {
                FetchResult result = poll(url);
                LOG.infof("Fetched %s: %d entries, %d new", url, result.entries(), result.created());
            } catch (IOException | FeedException e) {
                LOG.warnf("Fetching %s failed, next try at the next poll: %s", url, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public FetchResult poll(URI url) throws IOException, FeedException, InterruptedException {
        SyndFeed feed = parse(fetch(url));
        int created = 0;
        for (SyndEntry entry : feed.getEntries()) {
            if (ingestion.ingest(toNewItem(feed, entry)).created()) {
                created++;
            }
        }
        return new FetchResult(feed.getEntries().size(), created);
    }

    private byte[] fetch(URI url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "newsroom-ingest/0.1").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("feed larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /**
     * ROME refuses DOCTYPE declarations by default, which shuts out XXE and entity-expansion payloads; its
     * XmlReader honours the encoding the feed declares.
     */
    private static SyndFeed parse(byte[] body) throws FeedException, IOException {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    }

    private NewItem toNewItem(SyndFeed feed, SyndEntry entry) {
        String externalId = entry.getUri() != null ? entry.getUri() : entry.getLink();
        return new NewItem(source, externalId, entry.getLink(), entry.getTitle(), plainText(entry.getDescription()),
                entry.getAuthor(), feed.getTitle(), feed.getLink(), instant(entry));
    }

    private static java.time.Instant instant(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    /** Summaries are stored as plain text; markup from feeds is dropped until the sanitizer lands. */
    private static String plainText(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        return content.getValue().replaceAll("<[^>]*>", " ").replaceAll("[ \\t]+", " ").strip();
    }
}
