package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PostgreSQL cluster archives its WAL and is backed up daily to the object store its data tier (k8s/data) names,
 * with a retention, and its instances may reach that store through the overlay's default-deny policies.
 */
class BackupTest {

    static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theClusterArchivesItsWalToTheOverlaysObjectStore(String overlay) {
        Manifests manifests = Repository.data(overlay);
        CnpgCluster cluster = manifests.all(CnpgCluster.class).get(0);

        List<CnpgCluster.Plugin> archivers = cluster.spec().plugins().stream()
                .filter(p -> Boolean.TRUE.equals(p.isWALArchiver()))
                .toList();
        assertEquals(1, archivers.size(), "one WAL archiver");
        assertEquals(BARMAN_CLOUD, archivers.get(0).name());
        BarmanObjectStore store = manifests.named(
                BarmanObjectStore.class, archivers.get(0).parameters().get("barmanObjectName"));

        assertTrue(
                store.spec().retentionPolicy().matches("[1-9][0-9]*[dwm]"),
                store.spec().retentionPolicy());
        assertTrue(store.spec().configuration().destinationPath().startsWith("s3://"), "an S3 bucket");
        assertNotNull(store.spec().configuration().wal().compression(), "WAL compressed");
        assertNotNull(store.spec().configuration().data().compression(), "base backups compressed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aBaseBackupIsTakenDailyThroughTheSamePlugin(String overlay) {
        Manifests manifests = Repository.data(overlay);
        String cluster = manifests.all(CnpgCluster.class).get(0).metadata().getName();

        List<CnpgScheduledBackup> backups = manifests.all(CnpgScheduledBackup.class);
        assertEquals(1, backups.size());
        CnpgScheduledBackup.Spec backup = backups.get(0).spec();
        assertEquals(cluster, backup.cluster().name());
        assertEquals(CnpgScheduledBackup.Method.plugin, backup.method());
        assertEquals(BARMAN_CLOUD, backup.pluginConfiguration().name());
        // CloudNativePG's schedule has six fields, seconds first; "s m h * * *" is once a day.
        String[] fields = backup.schedule().split(" ");
        assertEquals(6, fields.length, backup.schedule());
        assertTrue(
                fields[2].matches("\\d+") && List.of(fields).subList(3, 6).equals(List.of("*", "*", "*")),
                "daily: " + backup.schedule());
        assertEquals(Boolean.TRUE, backup.immediate(), "a first backup at once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theInstancesReachTheObjectStore(String overlay) {
        // The policies are the overlay's, the cluster and its object store the data tier's.
        NetworkPolicies policies = new NetworkPolicies(Repository.overlay(overlay));
        Manifests data = Repository.data(overlay);
        Map<String, String> instance = IsolationTest.postgresInstance(
                data.all(CnpgCluster.class).get(0).metadata().getName());
        URI endpoint = URI.create(data.named(BarmanObjectStore.class, "newsroom-backups")
                .spec()
                .configuration()
                .endpointURL());

        if (endpoint.getHost().endsWith(".svc")) {
            // In the cluster (dev's MinIO): <service>.<namespace>.svc, pods labelled with the service's name.
            String[] parts = endpoint.getHost().split("\\.");
            NetworkPolicies.Pod store = NetworkPolicies.Pod.in(parts[1], Map.of("app.kubernetes.io/name", parts[0]));
            assertTrue(
                    policies.egress(instance, store, NetworkPolicies.Port.tcp(endpoint.getPort())),
                    endpoint.toString());
        } else {
            assertEquals("https", endpoint.getScheme(), "outside the cluster, over TLS");
            // A rule of its own towards public addresses on 443, not only the API server's catch-all.
            assertTrue(
                    policies.egressRulesFor(instance, NetworkPolicies.Port.tcp(443)).stream()
                            .anyMatch(r -> r.getTo() != null
                                    && r.getTo().stream()
                                            .anyMatch(p -> p.getIpBlock() != null
                                                    && p.getIpBlock().getCidr().equals("0.0.0.0/0"))),
                    "443 to public addresses");
        }
    }

    /**
     * k8s/ops/restore-cluster.yaml, the runbook's point-in-time restore: a new cluster that reads prod's archive (its
     * ObjectStore, the folder prod's cluster archives to), with the same image and room, and archives to a folder of
     * its own. The target time stays a placeholder in the repository.
     */
    @Test
    void theRestoreClusterReadsProdsArchiveAndWritesItsOwn() throws IOException {
        Manifests ops = Manifests.parse(Files.readString(Repository.ROOT.resolve("k8s/ops/restore-cluster.yaml")));
        Manifests prod = Repository.data("prod");
        CnpgCluster original = prod.all(CnpgCluster.class).get(0);
        CnpgCluster restore = ops.all(CnpgCluster.class).get(0);
        String store = original.spec().plugins().get(0).parameters().get("barmanObjectName");

        CnpgCluster.Recovery recovery = restore.spec().bootstrap().recovery();
        assertEquals("REPLACE-WITH-TARGET-TIME", recovery.recoveryTarget().targetTime(), "set by hand, per restore");
        CnpgCluster.ExternalCluster source = restore.spec().externalClusters().stream()
                .filter(c -> c.name().equals(recovery.source()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no external cluster " + recovery.source()));
        assertEquals(BARMAN_CLOUD, source.plugin().name());
        assertEquals(store, source.plugin().parameters().get("barmanObjectName"));
        assertEquals(original.metadata().getName(), source.plugin().parameters().get("serverName"));

        CnpgCluster.Plugin archiver = restore.spec().plugins().get(0);
        assertEquals(Boolean.TRUE, archiver.isWALArchiver());
        assertEquals(restore.metadata().getName(), archiver.parameters().get("serverName"), "its own WAL folder");

        assertEquals(original.spec().imageName(), restore.spec().imageName(), "the same PostgreSQL");
        assertEquals(
                Quantity.getAmountInBytes(new Quantity(original.spec().storage().size())),
                Quantity.getAmountInBytes(new Quantity(restore.spec().storage().size())),
                "room for prod's data");
        assertEquals(
                Map.of("cnpg.io/cluster", restore.metadata().getName()),
                ops.all(NetworkPolicy.class).get(0).getSpec().getPodSelector().getMatchLabels(),
                "a NetworkPolicy of its own in the default-deny namespace");
    }
}
