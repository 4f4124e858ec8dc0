package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** CloudNativePG's {@code postgresql.cnpg.io/v1 ScheduledBackup}, reduced to the fields our manifests use. */
record CnpgScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(
            String schedule,
            Boolean immediate,
            OwnerReference backupOwnerReference,
            CnpgCluster.ClusterRef cluster,
            Method method,
            PluginConfiguration pluginConfiguration) {}

    record PluginConfiguration(String name) {}

    enum OwnerReference {
        none,
        self,
        cluster
    }

    enum Method {
        barmanObjectStore,
        volumeSnapshot,
        plugin
    }
}
