package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dev is small and single; prod is replicated, spread and bigger; both stay consistent. */
class OverlayShapeTest {

    @Test
    void devRunsOneOfEverything() {
        Manifests dev = Repository.overlay("dev");

        dev.all(HorizontalPodAutoscaler.class)
                .forEach(h -> assertEquals(1, h.getSpec().getMinReplicas()));
        dev.all(ScaledObject.class).forEach(s -> assertEquals(1, s.spec().minReplicaCount()));
        dev.all(KafkaNodePool.class)
                .forEach(p -> assertEquals(
                        1, p.getSpec().getReplicas(), p.getMetadata().getName()));
        dev.all(KafkaTopic.class)
                .forEach(t ->
                        assertEquals(1, t.getSpec().getReplicas(), t.getSpec().getTopicName()));
        assertEquals(
                1, Repository.data("dev").all(CnpgCluster.class).get(0).spec().instances());
    }

    @Test
    void prodRunsAtLeastTwoOfEachServiceAndReplicatesItsData() {
        Manifests prod = Repository.overlay("prod");

        prod.all(HorizontalPodAutoscaler.class)
                .forEach(h -> assertTrue(h.getSpec().getMinReplicas() >= 2));
        prod.all(ScaledObject.class)
                .forEach(s ->
                        assertTrue(s.spec().minReplicaCount() >= 2, s.metadata().getName()));
        prod.all(KafkaNodePool.class)
                .forEach(p -> assertTrue(
                        p.getSpec().getReplicas() >= 3, p.getMetadata().getName()));
        assertTrue(Repository.data("prod").all(CnpgCluster.class).get(0).spec().instances() >= 3);
        prod.all(KafkaTopic.class)
                .forEach(t ->
                        assertTrue(t.getSpec().getReplicas() >= 3, t.getSpec().getTopicName()));
    }

    @ParameterizedTest
    @MethodSource("org.newsroom.deploycheck.ServiceConfig#services")
    void prodSpreadsReplicasOverNodes(String service) {
        Deployment deployment = Repository.overlay("prod").named(Deployment.class, service);
        List<WeightedPodAffinityTerm> terms = deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getAffinity()
                .getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution();

        PodAffinityTerm byNode = terms.stream()
                .map(WeightedPodAffinityTerm::getPodAffinityTerm)
                .filter(t -> "kubernetes.io/hostname".equals(t.getTopologyKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no anti-affinity per node"));
        assertEquals(
                service,
                byNode.getLabelSelector().getMatchLabels().get("app.kubernetes.io/name"),
                "anti-affinity to its own pods");
    }

    @ParameterizedTest
    @MethodSource("org.newsroom.deploycheck.ServiceConfig#services")
    void prodGetsBiggerLimitsThanDev(String service) {
        Container dev = ServiceWiringTest.container(Repository.overlay("dev"), service);
        Container prod = ServiceWiringTest.container(Repository.overlay("prod"), service);

        for (String resource : List.of("cpu", "memory")) {
            Quantity devLimit = dev.getResources().getLimits().get(resource);
            Quantity prodLimit = prod.getResources().getLimits().get(resource);
            assertNotNull(devLimit);
            assertTrue(
                    prodLimit.getNumericalAmount().compareTo(devLimit.getNumericalAmount()) > 0,
                    service + " " + resource + ": prod " + prodLimit + " > dev " + devLimit);
        }
    }

    /**
     * Where Secrets come from is the one difference in kind: prod's from the secret store (ExternalSecrets). The
     * generated ConfigMaps' content hash is left out of the names: the content differs on purpose.
     */
    @Test
    void devAndProdDifferOnlyInSizeNotInWhatIsDeployed() {
        List<String> dev = Repository.overlay("dev").documents().stream()
                .map(d -> d.kind() + "/" + withoutHash(d.name()))
                .sorted()
                .toList();
        List<String> prod = Repository.overlay("prod").documents().stream()
                .filter(d -> !"ExternalSecret".equals(d.kind()))
                .map(d -> d.kind() + "/" + withoutHash(d.name()))
                .sorted()
                .toList();
        assertEquals(dev, prod);
    }

    private static String withoutHash(String name) {
        return name.replaceFirst("-service-[a-z0-9]{10}$", "-service");
    }
}
