package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Migrations run once per new pod, before the service starts, in the init container `migrate` (Quarkus
 * init-and-exit: Flyway migrates, then the JVM exits), with the service's own image, settings and secrets. The service
 * itself does not migrate.
 */
class MigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void anInitContainerMigratesAndTheServiceDoesNot(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertEquals(1, pod.getInitContainers().size(), name);
            Container migrate = pod.getInitContainers().get(0);
            Container service = pod.getContainers().get(0);
            assertEquals("migrate", migrate.getName(), name);
            assertEquals(service.getImage(), migrate.getImage(), name + ": the same release");
            assertEquals(service.getEnvFrom(), migrate.getEnvFrom(), name + ": the same settings");
            assertEquals(service.getResources(), migrate.getResources(), name + ": the pod's size");

            Map<String, String> init = RenderedEnvironment.of(manifests, migrate);
            assertEquals("true", init.get("QUARKUS_INIT_AND_EXIT"), name);
            assertEquals("true", init.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), name);
            List<String> secrets = migrate.getEnv().stream()
                    .filter(e -> e.getValueFrom() != null)
                    .map(e -> e.getName())
                    .toList();
            assertEquals(
                    service.getEnv().stream()
                            .filter(e -> e.getValueFrom() != null)
                            .map(e -> e.getName())
                            .toList(),
                    secrets,
                    name + ": the same secrets");

            Map<String, String> running = RenderedEnvironment.of(manifests, service);
            assertEquals("false", running.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), name);
            assertEquals(null, running.get("QUARKUS_INIT_AND_EXIT"), name);
        }
    }
}
