package org.newsroom.ingest.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.newsroom.ingest.domain.CanonicalUrl;
import org.newsroom.ingest.domain.FetchLog;
import org.newsroom.ingest.domain.IngestMetrics;
import org.newsroom.ingest.domain.Ingestion;
import org.newsroom.ingest.domain.ItemTooLargeException;
import org.newsroom.ingest.domain.MissingHeadlineException;
import org.newsroom.ingest.domain.NewItem;
import org.newsroom.ingest.domain.Sanitizer;
import org.newsroom.ingest.domain.Source;
import org.newsroom.ingest.domain.UnknownFeedException;
import org.newsroom.net.PublicHttp;

/**
 * Fetches one feed source: conditional GET, parse, take the entries in (each in its own transaction), then record
 * the outcome on the source (validators, health, next check) and in the fetch log. No transaction is held open
 * while talking to the remote server.
 */
@ApplicationScoped
public class FeedFetcher {
    private static final Logger LOG = Logger.getLogger(FeedFetcher.class);

    @Inject
    FeedHttp http;

    @Inject
    Ingestion ingestion;

    @Inject
    IngestMetrics metrics;

    private record Target(
            UUID id,
            String name,
            URI url,
            String format,
            String identity,
            Duration interval,
            String etag,
            String lastModified,
            String attributionName,
            String attributionUrl,
            int failures,
            List<String> sections) {}

    /** @throws UnknownFeedException when the source is gone, or is a partner (partners push, they are not fetched) */
    public FetchLog fetch(UUID sourceId) {
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            Source s = Source.findById(sourceId);
            if (s == null || !s.isFeed()) {
                return null;
            }
            return new Target(
                    s.id,
                    s.name,
                    URI.create(s.url),
                    s.format,
                    s.identity,
                    Duration.ofSeconds(s.pollIntervalSeconds),
                    s.etag,
                    s.lastModified,
                    s.attributionName,
                    s.attributionUrl,
                    s.consecutiveFailures,
                    List.copyOf(s.defaultSections));
        });
        if (target == null) {
            throw new UnknownFeedException(sourceId);
        }
        Instant started = Instant.now();
        FetchLog log = new FetchLog();
        log.id = UUID.randomUUID();
        log.sourceId = sourceId;
        log.startedAt = started;
        String etag = target.etag();
        String lastModified = target.lastModified();
        Optional<Duration> retryAfter = Optional.empty();
        Optional<Duration> hint = Optional.empty();
        try {
            PublicHttp.Answer answer = http.get(target.url(), etag, lastModified);
            log.httpStatus = answer.status();
            if (answer.status() == 304) {
                log.status = FetchLog.NOT_MODIFIED;
                hint = NextCheck.serverHint(
                        started, answer.header("cache-control"), answer.header("expires"), Optional.empty());
            } else if (answer.status() >= 200 && answer.status() < 300) {
                FeedParser.ParsedFeed feed = FeedParser.parse(answer.body(), target.format(), answer.finalUri());
                for (FeedParser.Entry entry : feed.entries()) {
                    if (entry.link() == null || entry.title() == null) {
                        skip(log, target, entry, "entry without link or title");
                        continue;
                    }
                    try {
                        switch (ingestion.ingest(toNewItem(target, feed, entry)).outcome()) {
                            case NEW -> log.itemsNew++;
                            case UPDATED -> log.itemsUpdated++;
                            case UNCHANGED -> log.itemsUnchanged++;
                        }
                    } catch (ItemTooLargeException e) {
                        // Skipped rather than truncated: a cut body would reach editors, and then readers, as if it
                        // were the whole article. The entry's link still leads to it, and the fetch log says why.
                        LOG.warnf("Skipped %s of %s: %s", entry.link(), target.name(), e.getMessage());
                        log.skipped(entry.link(), e.getMessage());
                    } catch (MissingHeadlineException e) {
                        skip(log, target, entry, e.getMessage());
                    }
                }
                log.status = FetchLog.OK;
                etag = answer.header("etag").orElse(null);
                lastModified = answer.header("last-modified").orElse(null);
                hint = NextCheck.serverHint(
                        started, answer.header("cache-control"), answer.header("expires"), feed.ttl());
            } else {
                log.status = FetchLog.FAILED;
                log.error = "HTTP " + answer.status();
                retryAfter = NextCheck.retryAfter(started, answer.header("retry-after"));
            }
        } catch (IOException | FeedParser.NotAFeedException | RuntimeException e) {
            log.status = FetchLog.FAILED;
            log.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        Instant finished = Instant.now();
        log.durationMs = Duration.between(started, finished).toMillis();
        boolean failed = FetchLog.FAILED.equals(log.status);
        int failures = failed ? target.failures() + 1 : 0;
        log.nextFetchAt = failed
                ? NextCheck.afterFailure(finished, target.interval(), failures, retryAfter)
                : NextCheck.afterSuccess(finished, target.interval(), hint);
        if (failed) {
            metrics.fetchFailed(target.name());
            LOG.warnf(
                    "Fetching %s (%s) failed %d time(s) in a row, next try at %s: %s",
                    target.name(), target.url(), failures, log.nextFetchAt, log.error);
        } else {
            LOG.infof(
                    "Fetched %s: %s, %d new, %d updated, %d unchanged, %d skipped",
                    target.name(), log.status, log.itemsNew, log.itemsUpdated, log.itemsUnchanged, log.itemsSkipped);
        }
        String newEtag = etag;
        String newLastModified = lastModified;
        QuarkusTransaction.requiringNew().run(() -> {
            log.persist();
            Source s = Source.findById(sourceId);
            if (s == null) {
                return;
            }
            s.lastFetchAt = started;
            s.nextFetchAt = log.nextFetchAt;
            if (failed) {
                s.consecutiveFailures = s.consecutiveFailures + 1;
                s.lastError = log.error;
                s.lastErrorAt = finished;
            } else {
                s.consecutiveFailures = 0;
                s.lastSuccessAt = finished;
                s.etag = truncate(newEtag, 1000);
                s.lastModified = truncate(newLastModified, 200);
            }
        });
        return log;
    }

    /** An entry the desk could not use (no link, no headline): left out quietly, but counted in the fetch log. */
    private static void skip(FetchLog log, Target target, FeedParser.Entry entry, String reason) {
        LOG.debugf("Skipped an entry of %s: %s", target.name(), reason);
        log.skipped(Objects.toString(entry.link(), Objects.toString(entry.guid(), "an entry")), reason);
    }

    /** The entry as an item of its source; the caller has checked that it has a link and a title. */
    private static NewItem toNewItem(Target target, FeedParser.ParsedFeed feed, FeedParser.Entry entry) {
        String outlet = target.attributionName() != null ? target.attributionName() : feed.title();
        String outletUrl = target.attributionName() != null ? target.attributionUrl() : feed.link();
        String summary = entry.summaryHtml();
        String body = entry.contentHtml() != null ? entry.contentHtml() : entry.summaryHtml();
        String externalId = switch (target.identity()) {
            case "link" -> CanonicalUrl.of(entry.link());
            case "hash" ->
                sha256(Objects.toString(Sanitizer.line(entry.title()), "") + "\n"
                        + Objects.toString(Sanitizer.text(body), ""));
            // ROME reports the link as the id of an RSS item without guid; permalink ids are links as well.
            default ->
                entry.guid() == null
                        ? CanonicalUrl.of(entry.link())
                        : entry.guid().matches("(?i)^https?://.*") ? CanonicalUrl.of(entry.guid()) : entry.guid();
        };
        Instant published = entry.published() != null ? entry.published() : entry.updated();
        List<String> sections = new ArrayList<>(target.sections());
        sections.addAll(entry.categories());
        FeedParser.Image image = entry.image();
        return new NewItem(
                target.name(),
                externalId,
                entry.link(),
                entry.title(),
                summary,
                entry.author(),
                outlet == null ? target.name() : outlet,
                outletUrl,
                published,
                body,
                entry.language(),
                entry.updated(),
                sections,
                image == null ? null : image.url(),
                image == null ? null : image.caption(),
                image == null ? null : image.credit(),
                null,
                null);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : null;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
