package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
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
 * for them is held to its flows by IsolationTest; here only that the CloudNativePG names it selects are rendered
 * objects. Read it over an environment's two renders (k8s/data and the overlay): the Cluster is in the one, the
 * policies and the Pooler in the other.
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
        cloudNativePgNames(manifests, problems);
        return problems;
    }

    /**
     * CloudNativePG labels its pods with the names of our objects: {@code cnpg.io/cluster} with the Cluster's (the data
     * tier, k8s/data), {@code cnpg.io/poolerName} with the Pooler's (the overlay). So every such label a NetworkPolicy
     * selects or names as a peer must name a rendered Cluster or Pooler, and every Pooler, Database and ScheduledBackup
     * must belong to a rendered Cluster: read over both renders, this is what keeps the overlay's policies on the
     * database pods when the Cluster lives in another kustomization.
     */
    private static void cloudNativePgNames(Manifests manifests, List<String> problems) {
        Set<String> clusters = manifests.all(CnpgCluster.class).stream()
                .map(c -> c.metadata().getName())
                .collect(Collectors.toSet());
        Set<String> poolers = manifests.all(CnpgPooler.class).stream()
                .map(p -> p.metadata().getName())
                .collect(Collectors.toSet());
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            String owner = "NetworkPolicy " + policy.getMetadata().getName();
            Stream.of(
                            Stream.of(policy.getSpec().getPodSelector()),
                            policy.getSpec().getIngress().stream()
                                    .flatMap(r -> r.getFrom().stream())
                                    .map(NetworkPolicyPeer::getPodSelector),
                            policy.getSpec().getEgress().stream()
                                    .flatMap(r -> r.getTo().stream())
                                    .map(NetworkPolicyPeer::getPodSelector))
                    .flatMap(s -> s)
                    .filter(s -> s != null && s.getMatchLabels() != null)
                    .map(LabelSelector::getMatchLabels)
                    .forEach(labels -> {
                        named(owner, "cnpg.io/cluster", labels.get("cnpg.io/cluster"), "Cluster", clusters, problems);
                        named(
                                owner,
                                "cnpg.io/poolerName",
                                labels.get("cnpg.io/poolerName"),
                                "Pooler",
                                poolers,
                                problems);
                    });
        }
        for (CnpgPooler pooler : manifests.all(CnpgPooler.class)) {
            named(
                    "Pooler " + pooler.metadata().getName(),
                    "spec.cluster.name",
                    pooler.spec().cluster().name(),
                    "Cluster",
                    clusters,
                    problems);
        }
        for (CnpgDatabase database : manifests.all(CnpgDatabase.class)) {
            named(
                    "Database " + database.metadata().getName(),
                    "spec.cluster.name",
                    database.spec().cluster().name(),
                    "Cluster",
                    clusters,
                    problems);
        }
        for (CnpgScheduledBackup backup : manifests.all(CnpgScheduledBackup.class)) {
            named(
                    "ScheduledBackup " + backup.metadata().getName(),
                    "spec.cluster.name",
                    backup.spec().cluster().name(),
                    "Cluster",
                    clusters,
                    problems);
        }
    }

    private static void named(
            String owner, String field, String name, String kind, Set<String> rendered, List<String> problems) {
        if (name != null && !rendered.contains(name)) {
            problems.add(owner + ": " + field + " " + name + " is no rendered " + kind);
        }
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
