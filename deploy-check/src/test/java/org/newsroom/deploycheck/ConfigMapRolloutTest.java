package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' ConfigMaps are generated with a content hash in their name, and the Deployments name that hashed
 * ConfigMap: an edited setting changes the pod template, so the Deployment rolls instead of keeping stale pods. The
 * components that patch the ConfigMaps by name (pooled-database, trusted-gateway) still reach them.
 */
class ConfigMapRolloutTest {

    private static final List<String> SERVICES =
            List.of("ingest-service", "editorial-service", "publish-service", "notify-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentNamesItsHashedConfigMapAndTheComponentsStillApply(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        for (String service : SERVICES) {
            Container container = container(manifests, service);
            String configMap = container.getEnvFrom().get(0).getConfigMapRef().getName();
            assertTrue(configMap.matches(service + "-[a-z0-9]{10}"), service + " reads " + configMap);

            Map<String, String> environment = RenderedEnvironment.of(manifests, container);
            assertEquals("newsroom-pg-pooler-rw", environment.get("NEWSROOM_DB_HOST"), service);
            assertEquals(
                    "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10",
                    environment.get("NEWSROOM_TRUSTED_PROXIES"),
                    service);
        }
    }

    /** The overlays patch editorial's settings differently, so its ConfigMap's name differs: the hash is of the result. */
    @Test
    void theHashFollowsTheRenderedContent() {
        assertNotEquals(
                container(Repository.overlay("dev"), "editorial-service")
                        .getEnvFrom()
                        .get(0)
                        .getConfigMapRef()
                        .getName(),
                container(Repository.overlay("prod"), "editorial-service")
                        .getEnvFrom()
                        .get(0)
                        .getConfigMapRef()
                        .getName());
    }

    static Container container(Manifests manifests, String service) {
        return manifests
                .named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }
}
