package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the API server's OpenAPI schema and the operators' CRD schemas refuse but a typed model reads without
 * complaint: a required field left out, a number out of its range. The models already refuse unknown fields and,
 * where they are enums, unknown values (CloudNativePG's records); this holds the rest. Strimzi's minimums are the
 * {@code @Minimum} annotations of its api jar, whose annotation classes are not published, so they are restated here.
 */
final class ObjectConstraints {

    private ObjectConstraints() {}

    static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            pod(
                    "Deployment " + deployment.getMetadata().getName(),
                    deployment.getSpec().getTemplate().getSpec(),
                    problems);
        }
        for (Service service : manifests.all(Service.class)) {
            for (ServicePort port : service.getSpec().getPorts()) {
                String where = "Service " + service.getMetadata().getName() + " port " + port.getName();
                inRange(where + ": port", port.getPort(), problems);
                targetPort(where, port.getTargetPort(), problems);
            }
        }
        for (KafkaTopic topic : manifests.all(KafkaTopic.class)) {
            String where = "KafkaTopic " + topic.getMetadata().getName();
            atLeast(where + ": spec.partitions", topic.getSpec().getPartitions(), 1, problems);
            atLeast(where + ": spec.replicas", topic.getSpec().getReplicas(), 1, problems);
        }
        for (KafkaNodePool pool : manifests.all(KafkaNodePool.class)) {
            atLeast(
                    "KafkaNodePool " + pool.getMetadata().getName() + ": spec.replicas",
                    pool.getSpec().getReplicas(),
                    0,
                    problems);
        }
        return problems;
    }

    /** A container must have a name and an image; its ports are in range. */
    private static void pod(String owner, PodSpec pod, List<String> problems) {
        List<Container> containers = Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                .toList();
        if (pod.getContainers().isEmpty()) {
            problems.add(owner + ": spec.template.spec.containers is empty");
        }
        for (Container container : containers) {
            String where = owner + " container " + container.getName();
            if (container.getName() == null || container.getName().isBlank()) {
                problems.add(owner + ": a container without name");
            }
            if (container.getImage() == null || container.getImage().isBlank()) {
                problems.add(where + ": no image");
            }
            for (ContainerPort port : container.getPorts()) {
                inRange(where + ": containerPort " + port.getName(), port.getContainerPort(), problems);
            }
        }
    }

    private static void targetPort(String where, IntOrString target, List<String> problems) {
        if (target != null && target.getIntVal() != null) {
            inRange(where + ": targetPort", target.getIntVal(), problems);
        }
    }

    private static void inRange(String where, Integer port, List<String> problems) {
        if (port == null || port < 1 || port > 65535) {
            problems.add(where + " = " + port + ", not within 1-65535");
        }
    }

    private static void atLeast(String where, Integer value, int minimum, List<String> problems) {
        if (value != null && value < minimum) {
            problems.add(where + " = " + value + ", below its minimum " + minimum);
        }
    }
}
