package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strimzi.api.kafka.model.kafka.JbodStorage;
import io.strimzi.api.kafka.model.kafka.PersistentClaimStorage;
import io.strimzi.api.kafka.model.kafka.SingleVolumeStorage;
import io.strimzi.api.kafka.model.kafka.Storage;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kubectl delete -k DIR} deletes every object DIR renders, and with them whatever their controllers delete.
 * The application overlay may be deleted and applied again: it renders nothing that owns persistent data (no
 * CloudNativePG Cluster, whose PVCs the operator deletes with it, no PVC, no StatefulSet, and Kafka's node pools
 * keep their claims). The data tier (k8s/data) is where the databases' volumes live, applied on its own, and holds
 * nothing of the application.
 */
class DeleteScopeTest {

    /** What owns volumes, or is a volume: deleting it deletes the data. */
    private static final Set<String> OWNS_PERSISTENT_DATA = Set.of("Cluster", "PersistentVolumeClaim", "StatefulSet");

    /** The data tier's kinds: the cluster, its databases and backups, and (prod) the Secrets they read. */
    private static final Set<String> DATA_TIER =
            Set.of("Cluster", "Database", "ScheduledBackup", "ObjectStore", "ExternalSecret");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deletingTheOverlayDeletesNoObjectThatOwnsPersistentData(String overlay) {
        List<String> owners = Repository.overlay(overlay).documents().stream()
                .filter(d -> OWNS_PERSISTENT_DATA.contains(d.kind()))
                .map(d -> d.kind() + " " + d.name())
                .toList();
        assertEquals(List.of(), owners, "k8s/overlays/" + overlay + " renders what owns persistent data");

        // Nor the cluster's databases and backups: they go with it (k8s/data).
        List<String> dataTier = Repository.overlay(overlay).documents().stream()
                .filter(d ->
                        Set.of("Database", "ScheduledBackup", "ObjectStore").contains(d.kind()))
                .map(d -> d.kind() + " " + d.name())
                .toList();
        assertEquals(List.of(), dataTier, "k8s/overlays/" + overlay + " renders the data tier's objects");
    }

    /** Kafka stays in the overlay: Strimzi keeps a node pool's PVCs when the pool is deleted, if deleteClaim is false. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkasVolumesOutliveTheirNodePools(String overlay) {
        List<KafkaNodePool> pools = Repository.overlay(overlay).all(KafkaNodePool.class);
        assertFalse(pools.isEmpty(), "node pools in " + overlay);
        for (KafkaNodePool pool : pools) {
            List<SingleVolumeStorage> volumes = volumes(pool.getSpec().getStorage());
            assertFalse(volumes.isEmpty(), pool.getMetadata().getName());
            for (SingleVolumeStorage volume : volumes) {
                assertTrue(
                        volume instanceof PersistentClaimStorage claim && Boolean.FALSE.equals(claim.isDeleteClaim()),
                        pool.getMetadata().getName() + ": a persistent claim with deleteClaim: false");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDataTierHoldsTheDatabasesVolumesAndNothingOfTheApplication(String environment) {
        Set<String> kinds = Repository.data(environment).documents().stream()
                .map(Manifests.Document::kind)
                .collect(Collectors.toSet());

        assertTrue(kinds.contains("Cluster"), "the Cluster in k8s/data/" + environment);
        assertTrue(DATA_TIER.containsAll(kinds), "only the data tier's kinds: " + kinds);
    }

    /** Prod's data tier carries the ExternalSecrets of exactly the Secrets its objects read, and no other. */
    @Test
    void prodsDataTierCarriesTheSecretsItsObjectsRead() {
        Manifests data = Repository.data("prod");
        Set<String> external = data.all(ExternalSecret.class).stream()
                .map(s -> s.metadata().getName())
                .collect(Collectors.toSet());

        CnpgCluster cluster = data.all(CnpgCluster.class).get(0);
        Set<String> read = new TreeSet<>();
        read.add(cluster.spec().bootstrap().initdb().secret().name());
        cluster.spec()
                .managed()
                .roles()
                .forEach(r -> read.add(r.passwordSecret().name()));
        data.all(BarmanObjectStore.class).forEach(s -> {
            read.add(s.spec().configuration().s3Credentials().accessKeyId().name());
            read.add(s.spec().configuration().s3Credentials().secretAccessKey().name());
        });
        assertEquals(read, new TreeSet<>(external));
    }

    /** Prod's PostgreSQL volumes are on the StorageClass prod.env names (ops give it reclaimPolicy: Retain). */
    @Test
    void prodsDatabaseVolumesAreOnTheStorageClassProdEnvNames() throws IOException {
        String storageClass =
                Files.readAllLines(Repository.ROOT.resolve("k8s/overlays/prod").resolve(ProdValues.PROD_ENV)).stream()
                        .filter(line -> line.startsWith("STORAGE_CLASS="))
                        .map(line -> line.substring("STORAGE_CLASS=".length()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("STORAGE_CLASS in prod.env"));

        for (CnpgCluster cluster : Repository.data("prod").all(CnpgCluster.class)) {
            assertEquals(
                    storageClass,
                    cluster.spec().storage().storageClass(),
                    cluster.metadata().getName());
        }
    }

    /** k8s/README.md's "Apply": the namespace, then the data tier, then the application overlay. */
    @Test
    void theReadmeAppliesTheNamespaceThenTheDataTierThenTheOverlay() throws IOException {
        String readme = Files.readString(Repository.ROOT.resolve("k8s/README.md"));
        int namespace = readme.indexOf("kubectl apply -f k8s/namespaces/newsroom-dev.yaml");
        int data = readme.indexOf("kubectl apply -k k8s/data/dev");
        int overlay = readme.indexOf("kubectl apply -k k8s/overlays/dev");

        assertTrue(namespace >= 0 && data >= 0 && overlay >= 0, "the three commands in k8s/README.md");
        assertTrue(namespace < data && data < overlay, "namespace, data tier, overlay");
    }

    private static List<SingleVolumeStorage> volumes(Storage storage) {
        if (storage instanceof JbodStorage jbod) {
            return jbod.getVolumes();
        }
        return storage instanceof SingleVolumeStorage single ? List.of(single) : List.of();
    }
}
