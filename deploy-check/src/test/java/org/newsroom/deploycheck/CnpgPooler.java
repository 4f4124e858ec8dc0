package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import java.util.Map;

/**
 * CloudNativePG's {@code postgresql.cnpg.io/v1 Pooler} (PgBouncer in front of a cluster), reduced to the fields our
 * manifests use. Its Service has the Pooler's name.
 */
record CnpgPooler(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(
            CnpgCluster.ClusterRef cluster,
            Integer instances,
            Type type,
            DeploymentStrategy deploymentStrategy,
            PgBouncer pgbouncer) {}

    record PgBouncer(PoolMode poolMode, Map<String, String> parameters) {
        int parameter(String name, int defaultValue) {
            return parameters.containsKey(name) ? Integer.parseInt(parameters.get(name)) : defaultValue;
        }
    }

    enum Type {
        rw,
        ro,
        r
    }

    enum PoolMode {
        session,
        transaction
    }
}
