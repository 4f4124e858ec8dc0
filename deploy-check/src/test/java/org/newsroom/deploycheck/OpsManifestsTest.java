package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** k8s/ops: what the runbooks apply by hand is held to the same strict models, and logs in as a real user. */
class OpsManifestsTest {

    @Test
    void theKafkaClientPodLogsInAsTheOpsUserAndTrustsTheClusterCa() throws IOException {
        Pod pod = Manifests.parse(Files.readString(Repository.ROOT.resolve("k8s/ops/kafka-client.yaml")))
                .named(Pod.class, "kafka-client");
        Manifests prod = Repository.overlay("prod");

        String login = pod.getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("SASL_JAAS_CONFIG"))
                .findFirst()
                .orElseThrow()
                .getValueFrom()
                .getSecretKeyRef()
                .getName();
        assertEquals(
                "newsroom-ops", prod.named(KafkaUser.class, login).getMetadata().getName());

        String cluster = prod.all(Kafka.class).get(0).getMetadata().getName();
        Volume ca = pod.getSpec().getVolumes().get(0);
        assertEquals(cluster + "-cluster-ca-cert", ca.getSecret().getSecretName());
        assertTrue(pod.getSpec().getActiveDeadlineSeconds() <= 3600, "the pod goes away by itself");
        assertEquals(Boolean.TRUE, pod.getSpec().getSecurityContext().getRunAsNonRoot());
    }
}
