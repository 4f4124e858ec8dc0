package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * CloudNativePG's {@code postgresql.cnpg.io/v1 Cluster}, reduced to the fields our manifests use
 * (CNPG ships no Java model on Maven Central). A field missing here fails the check: add it when a
 * manifest starts using it.
 */
record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(
            Integer instances,
            String imageName,
            PrimaryUpdateStrategy primaryUpdateStrategy,
            Affinity affinity,
            Storage storage,
            ResourceRequirements resources,
            Postgresql postgresql,
            List<Plugin> plugins,
            Bootstrap bootstrap,
            List<ExternalCluster> externalClusters,
            Managed managed) {}

    /** Whether the operator switches the primary over by itself during an update, or waits for a person. */
    enum PrimaryUpdateStrategy {
        unsupervised,
        supervised
    }

    /** A CNPG-I plugin, e.g. Barman Cloud archiving WAL to an ObjectStore named in its parameters. */
    record Plugin(String name, Boolean isWALArchiver, Map<String, String> parameters) {}

    record Storage(String size, String storageClass) {}

    /** The operator's own anti-affinity between the instances of a cluster. */
    record Affinity(Boolean enablePodAntiAffinity, AntiAffinityType podAntiAffinityType, String topologyKey) {}

    enum AntiAffinityType {
        preferred,
        required
    }

    record Postgresql(Map<String, String> parameters) {}

    record Bootstrap(InitDb initdb, Recovery recovery) {}

    /** A new cluster from a backup: {@code source} names an external cluster, replayed up to the target. */
    record Recovery(String source, RecoveryTarget recoveryTarget) {}

    record RecoveryTarget(String targetTime) {}

    /** Where a recovery reads from; here through a plugin (Barman Cloud and its ObjectStore). */
    record ExternalCluster(String name, Plugin plugin) {}

    record InitDb(String database, String owner, SecretRef secret) {}

    record Managed(List<Role> roles) {}

    record Role(String name, String ensure, Boolean login, SecretRef passwordSecret) {}

    record SecretRef(String name) {}

    record ClusterRef(String name) {}
}
