package org.newsroom.ingest.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;
import org.newsroom.ingest.domain.IngestSettings;
import org.newsroom.ingest.domain.Source;

/**
 * Polls the feed sources that are due, up to {@code newsroom.ingest.poll.concurrency} at once. Due sources are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and leased (their next check pushed out) in one short transaction, so
 * replicas never fetch the same feed at once; the fetch then sets the real next check.
 */
@ApplicationScoped
public class FeedScheduler {
    private static final Logger LOG = Logger.getLogger(FeedScheduler.class);

    @Inject
    FeedFetcher fetcher;

    @Inject
    EntityManager em;

    @Inject
    IngestSettings settings;

    private ExecutorService fetchers;
    private Semaphore idleFetchers;

    @PostConstruct
    void start() {
        int concurrency = settings.poll().concurrency();
        fetchers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "feed-fetcher");
            thread.setDaemon(true);
            return thread;
        });
        idleFetchers = new Semaphore(concurrency);
    }

    @PreDestroy
    void stop() {
        fetchers.shutdownNow();
    }

    /** NEWSROOM_FEED_URL keeps working: the feed it names is registered (or its URL updated) as a source. */
    void registerConfiguredFeed(@Observes StartupEvent start) {
        IngestSettings.ConfiguredFeed configured = settings.feed();
        String configuredSource = configured.source();
        configured
                .url()
                .ifPresent(url -> QuarkusTransaction.requiringNew().run(() -> {
                    Source source = Source.findByName(configuredSource).orElse(null);
                    Instant now = Instant.now();
                    if (source == null) {
                        source = new Source();
                        source.id = UUID.randomUUID();
                        source.name = configuredSource;
                        source.kind = Source.FEED;
                        source.createdAt = now;
                        source.nextFetchAt = now;
                        source.pollIntervalSeconds =
                                (int) Math.max(1, configured.interval().toSeconds());
                        source.url = url.toString();
                        source.updatedAt = now;
                        source.persist();
                        LOG.infof("Registered the configured feed %s as source %s", url, configuredSource);
                    } else if (!url.toString().equals(source.url)) {
                        source.url = url.toString();
                        source.etag = null;
                        source.lastModified = null;
                        source.nextFetchAt = now;
                        source.updatedAt = now;
                    }
                }));
    }

    /**
     * Claims as many due sources as there are idle fetchers and hands them over, until none is due. A slow feed holds
     * one fetcher (until its deadline, see {@link FeedHttp}) while the others go on with the rest.
     */
    @Scheduled(
            every = "${newsroom.ingest.poll.every}",
            delayed = "${newsroom.ingest.poll.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pollDueSources() {
        List<UUID> due;
        int idle;
        do {
            idleFetchers.acquireUninterruptibly();
            idle = 1 + idleFetchers.drainPermits();
            due = List.of();
            try {
                due = claimDue(idle);
            } finally {
                idleFetchers.release(idle - due.size());
            }
            due.forEach(this::startFetching);
        } while (due.size() == idle);
    }

    /** The caller holds an idle fetcher's permit; the fetch gives it back. */
    private void startFetching(UUID id) {
        fetchers.execute(() -> {
            try {
                fetcher.fetch(id);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Fetching source %s failed unexpectedly", id);
            } finally {
                idleFetchers.release();
            }
        });
    }

    @SuppressWarnings("unchecked")
    List<UUID> claimDue(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = em.createNativeQuery(
                            "SELECT id FROM source WHERE enabled AND kind = 'feed' "
                                    + "AND (next_fetch_at IS NULL OR next_fetch_at <= now()) "
                                    + "ORDER BY next_fetch_at NULLS FIRST LIMIT ?1 FOR UPDATE SKIP LOCKED",
                            UUID.class)
                    .setParameter(1, limit)
                    .getResultList();
            if (!ids.isEmpty()) {
                Source.update(
                        "nextFetchAt = ?1 where id in ?2",
                        Instant.now().plus(settings.poll().lease()),
                        ids);
            }
            return ids;
        });
    }
}
