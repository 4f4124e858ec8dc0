package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every reference between rendered objects lands: a Deployment's selector matches its own pod template (the API
 * server refuses it otherwise), every Service, PodDisruptionBudget and NetworkPolicy selects at least one pod template
 * of the overlay or a pod the runbooks start by hand (k8s/ops), every HPA and ScaledObject scales an existing Deployment, every HTTPRoute backend is an existing
 * Service's port. Pods the operators create (Kafka, PostgreSQL, PgBouncer) are not in the render: a NetworkPolicy
 * for them is held to its flows by IsolationTest, here only the services' pods count.
 */
final class LabelAgreement {

    private LabelAgreement() {}

    static List<String> problems(Manifests manifests, Manifests runbookPods) {
        List<String> problems = new ArrayList<>();
        List<Map<String, String>> pods = Stream.concat(
                        manifests.all(Deployment.class).stream()
                                .map(d ->
                                        d.getSpec().getTemplate().getMetadata().getLabels()),
                        runbookPods.all(Pod.class).stream()
                                .map(p -> p.getMetadata().getLabels()))
                .map(labels -> labels == null ? Map.<String, String>of() : labels)
                .toList();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            if (!Selectors.selects(deployment.getSpec().getSelector(), labels == null ? Map.of() : labels)) {
                problems.add("Deployment " + deployment.getMetadata().getName()
                        + ": spec.selector does not match spec.template.metadata.labels");
            }
        }
        for (Service service : manifests.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || pods.stream().noneMatch(p -> p.entrySet().containsAll(selector.entrySet()))) {
                problems.add("Service " + service.getMetadata().getName() + ": spec.selector selects no pod");
            }
        }
        for (PodDisruptionBudget budget : manifests.all(PodDisruptionBudget.class)) {
            selectsAPod(
                    "PodDisruptionBudget " + budget.getMetadata().getName(),
                    budget.getSpec().getSelector(),
                    pods,
                    problems);
        }
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            LabelSelector selector = policy.getSpec().getPodSelector();
            if (!Selectors.selectsEverything(selector) && !operatorPods(selector)) {
                selectsAPod("NetworkPolicy " + policy.getMetadata().getName(), selector, pods, problems);
            }
        }
        Set<String> deployments = manifests.all(Deployment.class).stream()
                .map(d -> d.getMetadata().getName())
                .collect(Collectors.toSet());
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            scales(
                    "HorizontalPodAutoscaler " + hpa.getMetadata().getName(),
                    target.getKind(),
                    target.getName(),
                    deployments,
                    problems);
        }
        for (ScaledObject scaled : manifests.all(ScaledObject.class)) {
            var target = scaled.spec().scaleTargetRef();
            String kind = target.kind() == null ? "Deployment" : target.kind();
            scales("ScaledObject " + scaled.metadata().getName(), kind, target.name(), deployments, problems);
        }
        for (HttpRoute route : manifests.all(HttpRoute.class)) {
            route.spec().rules().stream()
                    .flatMap(r -> r.backendRefs() == null ? Stream.empty() : r.backendRefs().stream())
                    .forEach(backend -> backend(manifests, route, backend, problems));
        }
        return problems;
    }

    /**
     * The operators' pods carry the labels their operator sets ({@code strimzi.io/*}, {@code cnpg.io/*}), never ours.
     */
    private static boolean operatorPods(LabelSelector selector) {
        Map<String, String> labels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.keySet().stream().anyMatch(k -> k.startsWith("strimzi.io/") || k.startsWith("cnpg.io/"))
                || (selector.getMatchExpressions() != null
                        && selector.getMatchExpressions().stream()
                                .anyMatch(e -> e.getKey().startsWith("strimzi.io/")
                                        || e.getKey().startsWith("cnpg.io/")));
    }

    private static void selectsAPod(
            String owner, LabelSelector selector, List<Map<String, String>> pods, List<String> problems) {
        if (selector == null || pods.stream().noneMatch(p -> Selectors.selects(selector, p))) {
            problems.add(owner + ": selector selects no pod");
        }
    }

    private static void scales(String owner, String kind, String name, Set<String> deployments, List<String> problems) {
        if (!"Deployment".equals(kind) || !deployments.contains(name)) {
            problems.add(owner + ": scaleTargetRef " + kind + " " + name + " is not in the render");
        }
    }

    private static void backend(
            Manifests manifests, HttpRoute route, HttpRoute.BackendRef backend, List<String> problems) {
        String owner =
                "HTTPRoute " + route.metadata().getName() + ": backendRef " + backend.name() + ":" + backend.port();
        boolean found = manifests.all(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(backend.name()))
                .flatMap(s -> s.getSpec().getPorts().stream())
                .map(ServicePort::getPort)
                .anyMatch(p -> Objects.equals(p, backend.port()));
        if (!found) {
            problems.add(owner + " is no Service port");
        }
    }
}
