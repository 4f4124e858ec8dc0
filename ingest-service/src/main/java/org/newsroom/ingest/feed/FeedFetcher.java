package org.newsroom.ingest.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.newsroom.ingest.domain.FetchLog;
import org.newsroom.ingest.domain.IngestMetrics;
import org.newsroom.ingest.domain.Ingestion;
import org.newsroom.ingest.domain.ItemTooLargeException;
import org.newsroom.ingest.domain.MissingHeadlineException;
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

    /** @throws UnknownFeedException when the source is gone, or is a partner (partners push, they are not fetched) */
    public FetchLog fetch(UUID sourceId) {
        FetchTarget target = QuarkusTransaction.requiringNew().call(() -> {
            Source s = Source.findById(sourceId);
            if (s == null || !s.isFeed()) {
                return null;
            }
            return new FetchTarget(
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
                    take(log, target, feed, entry);
                }
                log.status = feed.malformation().isPresent() ? FetchLog.MALFORMED : FetchLog.OK;
                log.error = feed.malformation().orElse(null);
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
                    "Fetched %s: %s, %d new, %d updated, %d unchanged, %d skipped%s",
                    target.name(),
                    log.status,
                    log.itemsNew,
                    log.itemsUpdated,
                    log.itemsUnchanged,
                    log.itemsSkipped,
                    log.error == null ? "" : " (" + log.error + ")");
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
            s.lastStatus = log.status;
            if (log.read()) {
                s.malformation = log.error;
                s.itemsSkipped = log.itemsSkipped;
                s.skipReason = log.skipReason;
            }
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

    /** Takes one entry in, counting what came of it; an entry that cannot be an item is counted as skipped. */
    private void take(FetchLog log, FetchTarget target, FeedParser.ParsedFeed feed, FeedParser.Entry entry) {
        String which = Objects.toString(entry.link(), Objects.toString(entry.guid(), "an entry"));
        try {
            switch (ingestion.ingest(FeedEntries.toNewItem(target, feed, entry)).outcome()) {
                case NEW -> log.itemsNew++;
                case UPDATED -> log.itemsUpdated++;
                case UNCHANGED -> log.itemsUnchanged++;
            }
        } catch (ItemTooLargeException e) {
            // Skipped rather than truncated: a cut body would reach editors, and then readers, as if it were the
            // whole article. The entry's link still leads to it, and the fetch log says why.
            LOG.warnf("Skipped %s of %s: %s", which, target.name(), e.getMessage());
            log.skipped(which, e.getMessage());
        } catch (FeedEntries.UnusableEntryException | MissingHeadlineException e) {
            LOG.debugf("Skipped %s of %s: %s", which, target.name(), e.getMessage());
            log.skipped(which, e.getMessage());
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : null;
    }
}
