package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.strimzi.api.kafka.model.common.metrics.JmxPrometheusExporterMetrics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.exporter.KafkaExporterSpec;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Prometheus scrapes (PodMonitors for the services, Strimzi and CloudNativePG), what it alerts on and what
 * Grafana shows: every scrape names a port the pods have, every alert links a runbook section that exists in
 * docs/operations.md and, like every dashboard query, reads only metrics someone publishes under that name.
 */
class MonitoringTest {

    static final String RUNBOOKS = "https://github.com/newsroom/newsroom/blob/main/docs/operations.md#";

    /** The conditions the alerts must cover, by the metric each one reads. */
    private static final Set<String> ALERTED = Set.of(
            "kafka_consumergroup_lag",
            "newsroom_outbox_oldest_unsent_age_seconds",
            "newsroom_outbox_parked",
            "kafka_topic_partition_current_offset",
            "newsroom_notify_emails_total",
            "newsroom_notify_webhook_deliveries_total",
            "newsroom_ingest_fetch_failures_total",
            "http_server_requests_seconds_count",
            "kube_pod_container_status_restarts_total",
            "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp",
            "barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp",
            "cnpg_pg_stat_archiver_failed_count");

    /** What the pipeline dashboard must show. */
    private static final Set<String> CHARTED = Set.of(
            "newsroom_ingest_items_ingested_total",
            "editorial_story_transitions_total",
            "newsroom_publications_published_total",
            "newsroom_notify_emails_total",
            "newsroom_notify_webhook_deliveries_total",
            "kafka_consumergroup_lag",
            "newsroom_outbox_backlog",
            "newsroom_outbox_oldest_unsent_age_seconds",
            "http_server_requests_seconds_count",
            "jvm_memory_used_bytes");

    static Stream<Arguments> overlaysAndServices() {
        return ServiceWiringTest.overlaysAndServices();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void eachServiceIsScrapedOnItsManagementPort(String overlay, String service) {
        Manifests manifests = Repository.overlay(overlay);
        Map<String, String> pods = ServiceWiringTest.labels(manifests, service);
        Container container = ServiceWiringTest.container(manifests, service);
        String managementPort =
                ServiceWiringTest.configMap(manifests, service).getData().get("QUARKUS_MANAGEMENT_PORT");

        List<PodMonitor.Endpoint> endpoints = endpointsSelecting(manifests, pods);
        assertFalse(endpoints.isEmpty(), "a PodMonitor selects " + service);
        for (PodMonitor.Endpoint endpoint : endpoints) {
            ContainerPort port = container.getPorts().stream()
                    .filter(p -> p.getName().equals(endpoint.port()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no port " + endpoint.port()));
            assertEquals(managementPort, String.valueOf(port.getContainerPort()), "the management port");
            assertEquals("/q/metrics", endpoint.path());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaExportsJmxMetricsAndConsumerLagAndIsScraped(String overlay) throws IOException {
        Manifests manifests = Repository.overlay(overlay);
        Kafka kafka = manifests.all(Kafka.class).get(0);
        String name = kafka.getMetadata().getName();

        JmxPrometheusExporterMetrics metrics =
                (JmxPrometheusExporterMetrics) kafka.getSpec().getKafka().getMetricsConfig();
        ConfigMapKeySelector ref = metrics.getValueFrom().getConfigMapKeyRef();
        String rules = manifests.named(ConfigMap.class, ref.getName()).getData().get(ref.getKey());
        assertNotNull(rules, "the JMX exporter's rules at " + ref.getName() + "/" + ref.getKey());
        JsonNode exporterConfig = StrictMapper.YAML.readTree(rules);
        assertFalse(exporterConfig.path("rules").isEmpty(), "rules");

        KafkaExporterSpec exporter = kafka.getSpec().getKafkaExporter();
        assertNotNull(exporter, "Kafka Exporter (consumer lag, topic offsets)");
        for (String service : ServiceConfig.services().toList()) {
            Repository.service(service)
                    .incoming()
                    .forEach(in -> assertTrue(
                            in.groupId().matches(exporter.getGroupRegex()),
                            in.groupId() + " in Kafka Exporter's groups"));
        }
        manifests
                .all(KafkaTopic.class)
                .forEach(t -> assertTrue(
                        t.getSpec().getTopicName().matches(exporter.getTopicRegex()),
                        t.getSpec().getTopicName()));

        for (Map<String, String> pod : List.of(
                IsolationTest.kafkaNode(name),
                Map.of(
                        "strimzi.io/cluster",
                        name,
                        "strimzi.io/kind",
                        "Kafka",
                        "strimzi.io/name",
                        name + "-kafka-exporter"))) {
            List<PodMonitor.Endpoint> endpoints = endpointsSelecting(manifests, pod);
            assertFalse(endpoints.isEmpty(), "a PodMonitor selects " + pod);
            endpoints.forEach(e -> assertEquals("tcp-prometheus", e.port(), "Strimzi's metrics port name"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void postgresInstancesAreScrapedOnTheirMetricsPort(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        String cluster = Repository.data(overlay)
                .all(CnpgCluster.class)
                .get(0)
                .metadata()
                .getName();

        List<PodMonitor.Endpoint> endpoints = endpointsSelecting(manifests, IsolationTest.postgresInstance(cluster));
        assertFalse(endpoints.isEmpty(), "a PodMonitor selects the instances of " + cluster);
        endpoints.forEach(e -> assertEquals("metrics", e.port(), "CloudNativePG's exporter port (9187)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void pgBouncerIsScrapedOnItsMetricsPort(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        String pooler = manifests.all(CnpgPooler.class).get(0).metadata().getName();

        List<PodMonitor.Endpoint> endpoints = endpointsSelecting(manifests, Map.of("cnpg.io/poolerName", pooler));
        assertFalse(endpoints.isEmpty(), "a PodMonitor selects the PgBouncer pods of " + pooler);
        endpoints.forEach(e -> assertEquals("metrics", e.port(), "CloudNativePG's PgBouncer exporter port (9127)"));
        assertTrue(
                new NetworkPolicies(manifests)
                        .ingress(
                                Map.of("cnpg.io/poolerName", pooler),
                                NetworkPolicies.Pod.in("monitoring", Map.of()),
                                NetworkPolicies.Port.tcp(9127)),
                "Prometheus -> PgBouncer's exporter");
    }

    @Test
    void everyAlertLinksARunbookSectionOfTheOperationsGuide() throws IOException {
        Set<String> anchors = anchors(Files.readString(Repository.ROOT.resolve("docs/operations.md")));
        List<PrometheusRule.Rule> alerts = alerts();
        assertFalse(alerts.isEmpty());

        for (PrometheusRule.Rule alert : alerts) {
            String url = alert.annotations().get("runbook_url");
            assertNotNull(url, alert.alert() + " has a runbook_url");
            assertTrue(url.startsWith(RUNBOOKS), alert.alert() + ": " + url);
            String anchor = url.substring(RUNBOOKS.length());
            assertTrue(anchors.contains(anchor), alert.alert() + ": no heading for #" + anchor + " in " + anchors);
            assertNotNull(alert.annotations().get("summary"), alert.alert() + " has a summary");
            assertNotNull(alert.labels().get("severity"), alert.alert() + " has a severity");
        }
    }

    @Test
    void alertsCoverEachConditionAndReadOnlyPublishedMetrics() {
        Set<String> read = new HashSet<>();
        for (PrometheusRule.Rule alert : alerts()) {
            Set<String> names = ScrapedMetrics.namesIn(alert.expr());
            assertFalse(names.isEmpty(), alert.alert() + " reads a metric");
            names.forEach(n -> assertTrue(ScrapedMetrics.known(n), alert.alert() + " reads unknown metric " + n));
            read.addAll(names);
        }
        assertTrue(read.containsAll(ALERTED), "alerts on " + ALERTED + ", read " + read);
    }

    @Test
    void ourMetricsAreTheOnesTheServicesTestsFindInAScrape() {
        ScrapedMetrics.NEWSROOM.forEach((metric, test) ->
                assertTrue(ScrapedMetrics.scrapedBy(metric, test), test + " reads " + metric + " from /q/metrics"));
        // http_server_requests_* and jvm_* come from the Micrometer Prometheus registry every service has.
        ServiceConfig.services()
                .forEach(s -> assertTrue(
                        Repository.service(s).extensions().contains("quarkus-micrometer-registry-prometheus"), s));
    }

    @Test
    void promqlNamesAreFoundAsPrometheusReadsThem() {
        assertEquals(
                Set.of("a_total", "b_seconds"),
                ScrapedMetrics.namesIn("sum by (namespace, job) (rate(a_total{x=~\"y.+\", to=\"NEW\"}[5m])) "
                        + "/ on (job) group_left max(b_seconds) > 0.05 and bool 1"));
    }

    @Test
    void anchorsAreGitHubs() {
        assertEquals("an-email-failed-as-uncertain", anchor("An email FAILED as \"uncertain\""));
        assertEquals(
                "how-the-manifests-are-validated-module-deploy-check",
                anchor("How the manifests are validated (module `deploy-check`)"));
        assertEquals(Set.of("real"), anchors("```\n# not a heading\n```\n## Real\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDashboardIsForGrafanasSidecarAndChartsPublishedMetrics(String overlay) throws IOException {
        ConfigMap dashboard = Repository.overlay(overlay).named(ConfigMap.class, "newsroom-dashboard");
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"), "the sidecar's label");
        assertEquals(1, dashboard.getData().size(), "one dashboard");
        String file = dashboard.getData().keySet().iterator().next();
        assertTrue(file.endsWith(".json"), file);

        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get(file));
        assertFalse(json.path("uid").asText().isEmpty(), "a stable uid");
        assertFalse(json.path("panels").isEmpty(), "panels");
        Set<String> charted = new HashSet<>();
        for (JsonNode panel : json.path("panels")) {
            String title = panel.path("title").asText();
            assertFalse(panel.path("targets").isEmpty(), title + " has a query");
            for (JsonNode target : panel.path("targets")) {
                Set<String> names = ScrapedMetrics.namesIn(target.path("expr").asText());
                assertFalse(names.isEmpty(), title + " reads a metric");
                names.forEach(n -> assertTrue(ScrapedMetrics.known(n), title + " reads unknown metric " + n));
                charted.addAll(names);
            }
        }
        assertTrue(charted.containsAll(CHARTED), "charts " + CHARTED + ", reads " + charted);
    }

    private static List<PrometheusRule.Rule> alerts() {
        return Repository.overlay("prod").all(PrometheusRule.class).stream()
                .flatMap(r -> r.alerts().stream())
                .toList();
    }

    private static List<PodMonitor.Endpoint> endpointsSelecting(Manifests manifests, Map<String, String> pod) {
        return manifests.all(PodMonitor.class).stream()
                .filter(m -> Selectors.selects(m.spec().selector(), pod))
                .flatMap(m -> m.spec().podMetricsEndpoints().stream())
                .toList();
    }

    /** GitHub's anchors for the headings of a Markdown file (outside code fences). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.matches("#{1,6} .*")) {
                anchors.add(anchor(line.replaceFirst("#+ ", "")));
            }
        }
        return anchors;
    }

    /** Lower case, punctuation dropped (letters, digits, spaces, hyphens and underscores stay), spaces to hyphens. */
    static String anchor(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
