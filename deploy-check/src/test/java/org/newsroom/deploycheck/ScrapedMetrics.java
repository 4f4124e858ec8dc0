package org.newsroom.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the alerts and the dashboard may use, each with where it comes from. Ours are held to the
 * service test that reads it from a real {@code /q/metrics} scrape (so a renamed meter fails that test, and a renamed
 * test entry fails this one); the others are the exporters' documented names.
 */
final class ScrapedMetrics {

    /** Our meters, and the test (repository path) that finds each in a scrape of /q/metrics. */
    static final Map<String, String> NEWSROOM = Map.ofEntries(
            Map.entry(
                    "newsroom_ingest_items_ingested_total",
                    "ingest-service/src/test/java/org/newsroom/ingest/IngestMetricsTest.java"),
            Map.entry(
                    "newsroom_ingest_fetch_failures_total",
                    "ingest-service/src/test/java/org/newsroom/ingest/IngestMetricsTest.java"),
            Map.entry(
                    "editorial_story_transitions_total",
                    "editorial-service/src/test/java/org/newsroom/editorial/MetricsTest.java"),
            Map.entry(
                    "newsroom_publications_published_total",
                    "publish-service/src/test/java/org/newsroom/publish/domain/PublishingCountersTest.java"),
            Map.entry(
                    "newsroom_publications_updated_total",
                    "publish-service/src/test/java/org/newsroom/publish/domain/PublishingCountersTest.java"),
            Map.entry(
                    "newsroom_publications_retracted_total",
                    "publish-service/src/test/java/org/newsroom/publish/domain/PublishingCountersTest.java"),
            Map.entry(
                    "newsroom_notify_emails_total",
                    "notify-service/src/test/java/org/newsroom/notify/SmtpFailuresTest.java"),
            Map.entry(
                    "newsroom_notify_webhook_deliveries_total",
                    "notify-service/src/test/java/org/newsroom/notify/WebhookDeliveryTest.java"),
            Map.entry(
                    "newsroom_outbox_backlog",
                    "testing/src/main/java/org/newsroom/testing/OperationsEndpointsContract.java"),
            Map.entry(
                    "newsroom_outbox_oldest_unsent_age_seconds",
                    "testing/src/main/java/org/newsroom/testing/OperationsEndpointsContract.java"),
            Map.entry(
                    "newsroom_outbox_parked",
                    "testing/src/main/java/org/newsroom/testing/OperationsEndpointsContract.java"));

    /** Metrics other exporters publish under these names. */
    static final Map<String, String> EXPORTERS = Map.of(
            "kafka_consumergroup_lag", "Kafka Exporter (Strimzi kafkaExporter)",
            "kafka_topic_partition_current_offset", "Kafka Exporter (Strimzi kafkaExporter)",
            "http_server_requests_seconds_count", "Quarkus Micrometer, HTTP server binder",
            "jvm_memory_used_bytes", "Quarkus Micrometer, JVM binder",
            "kube_pod_container_status_restarts_total", "kube-state-metrics",
            "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp", "Barman Cloud plugin, in each instance",
            "barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp", "Barman Cloud plugin, in each instance",
            "cnpg_pg_stat_archiver_failed_count",
                    "CloudNativePG instance exporter, default queries (pg_stat_archiver)");

    private static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset");
    private static final Pattern QUOTED = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern BRACKETED = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?");

    private ScrapedMetrics() {}

    static boolean known(String metric) {
        return NEWSROOM.containsKey(metric) || EXPORTERS.containsKey(metric);
    }

    /** Whether the test named for a metric mentions it and reads /q/metrics. */
    static boolean scrapedBy(String metric, String testSource) {
        try {
            String source = Files.readString(Repository.ROOT.resolve(testSource));
            return source.contains(metric) && (source.contains("/q/metrics") || source.contains("Metrics.scrape()"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The metric names a PromQL expression reads: what is left once label matchers, ranges, strings and grouping
     * clauses are gone, and neither a function call, a keyword nor a number.
     */
    static Set<String> namesIn(String promql) {
        String bare = QUOTED.matcher(promql).replaceAll("\"\"");
        bare = BRACKETED.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            boolean call = m.group(2) != null;
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!call && !number && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
