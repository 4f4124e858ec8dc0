package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** CloudNativePG's {@code postgresql.cnpg.io/v1 Database}, reduced to the fields our manifests use. */
record CnpgDatabase(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(ClusterRef cluster, String name, String owner, String ensure, String databaseReclaimPolicy) {}

    record ClusterRef(String name) {}
}
