package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL connections (docs/operations.md, "PostgreSQL connections"), from the rendered objects and the services'
 * own pool sizes: at the autoscalers' maximum, every service pod's pool fits in PgBouncer's client limit, and what
 * PgBouncer opens to PostgreSQL fits in max_connections with room for the operator and ops.
 */
class ConnectionBudgetTest {

    /** Agroal's default, Quarkus' quarkus.datasource.jdbc.max-size when a service does not set it. */
    static final int AGROAL_DEFAULT_MAX_SIZE = 20;
    /** PostgreSQL's default superuser_reserved_connections. */
    static final int SUPERUSER_RESERVED = 3;
    /** For the operator's instance manager, the exporter, ops' psql and a pg_dump: never through the pooler. */
    static final int HEADROOM = 10;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesPoolsFitThroughPgBouncerIntoMaxConnections(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        Manifests data = Repository.data(overlay);
        CnpgCluster cluster = data.all(CnpgCluster.class).get(0);
        CnpgPooler pooler = manifests.all(CnpgPooler.class).get(0);
        CnpgPooler.PgBouncer bouncer = pooler.spec().pgbouncer();
        int maxConnections =
                Integer.parseInt(cluster.spec().postgresql().parameters().get("max_connections"));

        int clients = ServiceConfig.services()
                .mapToInt(s -> maxReplicas(manifests, s) * poolMaxSize(s))
                .sum();
        // A Service does not balance connections evenly: one PgBouncer may get them all.
        assertTrue(
                clients <= bouncer.parameter("max_client_conn", 100),
                clients + " client connections <= max_client_conn of one PgBouncer");

        int databases = data.all(CnpgDatabase.class).size();
        int perDatabase = Math.min(
                bouncer.parameter("default_pool_size", 20) + bouncer.parameter("reserve_pool_size", 0),
                bouncer.parameter("max_db_connections", Integer.MAX_VALUE));
        int server = mostPods(pooler) * databases * perDatabase;
        assertTrue(
                server + SUPERUSER_RESERVED + HEADROOM <= maxConnections,
                server + " server connections + " + (SUPERUSER_RESERVED + HEADROOM) + " <= max_connections "
                        + maxConnections);
        if ("prod".equals(overlay)) {
            assertTrue(clients > maxConnections, "prod needs the pooler: " + clients + " pooled connections");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceGoesThroughThePoolerInTransactionMode(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        CnpgPooler pooler = manifests.all(CnpgPooler.class).get(0);

        assertEquals(CnpgPooler.PoolMode.transaction, pooler.spec().pgbouncer().poolMode());
        // pgjdbc's named server-side prepared statements need PgBouncer to track them in transaction mode.
        assertTrue(pooler.spec().pgbouncer().parameter("max_prepared_statements", 0) > 0, "max_prepared_statements");
        ServiceConfig.services()
                .forEach(s -> assertEquals(
                        pooler.metadata().getName(),
                        ServiceWiringTest.configMap(manifests, s).getData().get("NEWSROOM_DB_HOST"),
                        s));
    }

    /** PgBouncer pods at most, rollouts included: each holds its own server connections. */
    private static int mostPods(CnpgPooler pooler) {
        DeploymentStrategy strategy = pooler.spec().deploymentStrategy();
        assertEquals(
                0, strategy.getRollingUpdate().getMaxSurge().getIntVal(), "no surge: a rollout never adds a PgBouncer");
        return pooler.spec().instances();
    }

    private static int poolMaxSize(String service) {
        return Repository.service(service)
                .property("quarkus.datasource.jdbc.max-size")
                .map(Integer::parseInt)
                .orElse(AGROAL_DEFAULT_MAX_SIZE);
    }

    static int maxReplicas(Manifests manifests, String service) {
        return manifests.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service))
                .map(h -> h.getSpec().getMaxReplicas())
                .findFirst()
                .orElseGet(() -> manifests.all(ScaledObject.class).stream()
                        .filter(s -> s.spec().scaleTargetRef().name().equals(service))
                        .map(s -> s.spec().maxReplicaCount())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(service + " has no autoscaler")));
    }
}
