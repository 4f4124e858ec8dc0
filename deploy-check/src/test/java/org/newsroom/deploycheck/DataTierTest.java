package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.strimzi.api.kafka.model.common.template.PodTemplate;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka: a controller pool and a broker pool, rack-aware, each node on its own host and spread over zones.
 * PostgreSQL (k8s/data): prod's instances on distinct hosts, required. Both environments.
 */
class DataTierTest {

    static final String ZONE = "topology.kubernetes.io/zone";
    static final String HOST = "kubernetes.io/hostname";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaHasADedicatedControllerPoolAndABrokerPool(String overlay) {
        List<KafkaNodePool> pools = Repository.overlay(overlay).all(KafkaNodePool.class);

        assertEquals(2, pools.size());
        assertEquals(
                Set.of(List.of(ProcessRoles.CONTROLLER), List.of(ProcessRoles.BROKER)),
                pools.stream().map(p -> p.getSpec().getRoles()).collect(Collectors.toSet()),
                "one pool of controllers only, one of brokers only");
    }

    @Test
    void prodHasAQuorumOfControllersAndEnoughBrokersForEveryReplica() {
        Manifests prod = Repository.overlay("prod");
        int controllers = pool(prod, ProcessRoles.CONTROLLER).getSpec().getReplicas();
        int brokers = pool(prod, ProcessRoles.BROKER).getSpec().getReplicas();

        assertTrue(controllers >= 3 && controllers % 2 == 1, "an odd quorum of at least 3: " + controllers);
        prod.all(KafkaTopic.class)
                .forEach(t -> assertTrue(
                        t.getSpec().getReplicas() <= brokers, t.getSpec().getTopicName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void brokersKnowTheirZoneAndMayAskTheApiServerForIt(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        Kafka kafka = manifests.all(Kafka.class).get(0);
        assertNotNull(kafka.getSpec().getKafka().getRack(), "rack awareness");
        assertEquals(ZONE, kafka.getSpec().getKafka().getRack().getTopologyKey());

        // The init container that reads the node's zone label talks to the API server (443 or 6443).
        NetworkPolicies policies = new NetworkPolicies(manifests);
        Map<String, String> node = IsolationTest.kafkaNode(kafka.getMetadata().getName());
        assertTrue(
                policies.egressRulesFor(node, NetworkPolicies.Port.tcp(443)).stream()
                        .anyMatch(r -> r.getTo() == null || r.getTo().isEmpty()),
                "Kafka nodes -> API server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachPoolsNodesAreOnDistinctHostsAndSpreadOverZones(String overlay) {
        for (KafkaNodePool pool : Repository.overlay(overlay).all(KafkaNodePool.class)) {
            String name = pool.getMetadata().getName();
            Map<String, String> own = Map.of(
                    "strimzi.io/cluster",
                    pool.getMetadata().getLabels().get("strimzi.io/cluster"),
                    "strimzi.io/pool-name",
                    name);
            PodTemplate pod = pool.getSpec().getTemplate().getPod();

            List<PodAffinityTerm> required =
                    pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
            assertTrue(
                    required.stream()
                            .anyMatch(t -> HOST.equals(t.getTopologyKey())
                                    && own.equals(t.getLabelSelector().getMatchLabels())),
                    name + ": one node per host, required");
            List<TopologySpreadConstraint> spread = pod.getTopologySpreadConstraints();
            assertTrue(
                    spread.stream()
                            .anyMatch(c -> ZONE.equals(c.getTopologyKey())
                                    && c.getMaxSkew() == 1
                                    && own.equals(c.getLabelSelector().getMatchLabels())),
                    name + ": spread over zones");
        }
    }

    @Test
    void prodRunsThreePostgresInstancesOnDistinctHostsRequired() {
        CnpgCluster cluster = Repository.data("prod").all(CnpgCluster.class).get(0);

        assertTrue(
                cluster.spec().instances() >= 3, "instances: " + cluster.spec().instances());
        CnpgCluster.Affinity affinity = cluster.spec().affinity();
        assertEquals(Boolean.TRUE, affinity.enablePodAntiAffinity());
        assertEquals(CnpgCluster.AntiAffinityType.required, affinity.podAntiAffinityType());
        assertEquals(HOST, affinity.topologyKey());
    }

    private static KafkaNodePool pool(Manifests manifests, ProcessRoles role) {
        return manifests.all(KafkaNodePool.class).stream()
                .filter(p -> p.getSpec().getRoles().equals(List.of(role)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " pool"));
    }
}
