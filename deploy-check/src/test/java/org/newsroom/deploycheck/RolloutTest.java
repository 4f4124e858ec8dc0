package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Safe rollouts: a new pod is ready before an old one goes, every container's memory is reserved (request = limit:
 * the heap is sized from the limit, and a node never overcommits it), and nothing upgrades because an operator or a
 * floating tag moved on.
 */
class RolloutTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsSurgeOneAndNeverGoBelowTheirReplicas(String overlay) {
        for (Deployment deployment : Repository.overlay(overlay).all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType(), name);
            RollingUpdateDeployment rolling = deployment.getSpec().getStrategy().getRollingUpdate();
            assertEquals(new IntOrString(0), rolling.getMaxUnavailable(), name);
            assertEquals(new IntOrString(1), rolling.getMaxSurge(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerReservesTheMemoryItMayUse(String overlay) {
        Manifests manifests = Repository.environment(overlay);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertRequestIsLimit(container.getResources(), "Deployment " + container.getName());
            }
        }
        for (KafkaNodePool pool : manifests.all(KafkaNodePool.class)) {
            assertRequestIsLimit(
                    pool.getSpec().getResources(),
                    "KafkaNodePool " + pool.getMetadata().getName());
        }
        for (CnpgCluster cluster : manifests.all(CnpgCluster.class)) {
            assertRequestIsLimit(
                    cluster.spec().resources(), "Cluster " + cluster.metadata().getName());
        }
    }

    @Test
    void postgresqlAndKafkaRunExactVersions() {
        for (String overlay : new String[] {"dev", "prod"}) {
            Manifests manifests = Repository.environment(overlay);
            for (CnpgCluster cluster : manifests.all(CnpgCluster.class)) {
                assertTrue(
                        cluster.spec().imageName().matches("ghcr\\.io/cloudnative-pg/postgresql:15\\.\\d+"),
                        cluster.spec().imageName());
            }
            Kafka kafka = manifests.named(Kafka.class, "newsroom");
            assertTrue(kafka.getSpec().getKafka().getVersion().matches("\\d+\\.\\d+\\.\\d+"), "Kafka version");
            String minor = kafka.getSpec().getKafka().getVersion().replaceFirst("\\.\\d+$", "");
            assertTrue(
                    kafka.getSpec().getKafka().getMetadataVersion().matches(Pattern.quote(minor) + "-IV\\d+"),
                    "metadataVersion of " + minor);
        }
    }

    /** The operator versions ops install are the README's exact ones, and Strimzi's is the one whose api jar checks. */
    @Test
    void theReadmeInstallsExactOperatorVersions() throws IOException {
        String readme = Files.readString(Repository.ROOT.resolve("k8s/README.md"));
        String pom = Files.readString(Repository.ROOT.resolve("deploy-check/pom.xml"));
        Matcher strimziApi = Pattern.compile("<strimzi-api.version>([^<]+)</strimzi-api.version>")
                .matcher(pom);
        assertTrue(strimziApi.find());
        assertTrue(
                readme.contains("strimzi-kafka-operator --version " + strimziApi.group(1)),
                "Strimzi chart pinned at " + strimziApi.group(1));
        assertTrue(readme.matches("(?s).*releases/download/v(\\d+\\.\\d+\\.\\d+)/cnpg-\\1\\.yaml.*"), "CloudNativePG");
        assertTrue(
                readme.matches("(?s).*plugin-barman-cloud/releases/download/v\\d+\\.\\d+\\.\\d+/manifest\\.yaml.*"),
                "Barman Cloud plugin");
    }

    private static void assertRequestIsLimit(ResourceRequirements resources, String what) {
        assertNotNull(resources, what + " has resources");
        assertNotNull(resources.getLimits().get("memory"), what + " memory limit");
        assertEquals(
                resources.getLimits().get("memory"), resources.getRequests().get("memory"), what);
    }
}
