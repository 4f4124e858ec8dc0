package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendered NetworkPolicies of an overlay, asked the questions a CNI answers: may these pods send to or receive
 * from those, on this port. Pods are given by their labels; "here" is the overlay's namespace, other namespaces by
 * their {@code kubernetes.io/metadata.name} and labels.
 */
final class NetworkPolicies {

    /** A port of a pod: its number, its name (null if unnamed) and protocol. */
    record Port(int number, String name, String protocol) {
        static Port tcp(int number) {
            return new Port(number, null, "TCP");
        }
    }

    /** A pod somewhere: its namespace, that namespace's labels and its own labels. */
    record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {
        /** A pod in a namespace that carries only the label Kubernetes sets on every namespace. */
        static Pod in(String namespace, Map<String, String> labels) {
            return new Pod(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels);
        }
    }

    private final List<NetworkPolicy> policies;
    private final Namespace namespace;

    NetworkPolicies(Manifests manifests) {
        this.policies = manifests.all(NetworkPolicy.class);
        this.namespace = Repository.namespace(manifests.namespace());
    }

    /** A pod in the overlay's namespace. */
    Pod here(Map<String, String> labels) {
        Map<String, String> namespaceLabels =
                new HashMap<>(namespace.getMetadata().getLabels());
        namespaceLabels.put(
                "kubernetes.io/metadata.name", namespace.getMetadata().getName());
        return new Pod(namespace.getMetadata().getName(), namespaceLabels, labels);
    }

    /** The policies that apply to pods with these labels (in the overlay's namespace). */
    List<NetworkPolicy> applyingTo(Map<String, String> labels) {
        return policies.stream()
                .filter(p -> Selectors.selects(p.getSpec().getPodSelector(), labels))
                .toList();
    }

    /** Whether a local pod may send to {@code to} on that port. */
    boolean egress(Map<String, String> from, Pod to, Port port) {
        return applyingTo(from).stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress"))
                .flatMap(p -> rules(p.getSpec().getEgress()).stream())
                .anyMatch(r -> allows(r.getPorts(), port) && admits(r.getTo(), to));
    }

    /** Whether a local pod may receive from {@code from} on that port. */
    boolean ingress(Map<String, String> to, Pod from, Port port) {
        return applyingTo(to).stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                .flatMap(p -> rules(p.getSpec().getIngress()).stream())
                .anyMatch(r -> allows(r.getPorts(), port) && admits(r.getFrom(), from));
    }

    /** The egress rules of the policies applying to these pods that allow this port. */
    List<NetworkPolicyEgressRule> egressRulesFor(Map<String, String> from, Port port) {
        return applyingTo(from).stream()
                .flatMap(p -> rules(p.getSpec().getEgress()).stream())
                .filter(r -> allows(r.getPorts(), port))
                .toList();
    }

    /** The ingress rules of the policies applying to these pods that allow this port. */
    List<NetworkPolicyIngressRule> ingressRulesFor(Map<String, String> to, Port port) {
        return applyingTo(to).stream()
                .flatMap(p -> rules(p.getSpec().getIngress()).stream())
                .filter(r -> allows(r.getPorts(), port))
                .toList();
    }

    private static <T> List<T> rules(List<T> rules) {
        return rules == null ? List.of() : rules;
    }

    /** No ports listed allows every port; a named port matches the destination container's port of that name. */
    static boolean allows(List<NetworkPolicyPort> ports, Port port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> matches(p, port));
    }

    private static boolean matches(NetworkPolicyPort rule, Port port) {
        String protocol = rule.getProtocol() == null ? "TCP" : rule.getProtocol();
        if (!protocol.equals(port.protocol())) {
            return false;
        }
        IntOrString value = rule.getPort();
        if (value == null) {
            return true;
        }
        if (value.getIntVal() != null) {
            int end = rule.getEndPort() == null ? value.getIntVal() : rule.getEndPort();
            return port.number() >= value.getIntVal() && port.number() <= end;
        }
        return value.getStrVal().equals(port.name());
    }

    /** No peers listed admits every pod and address. */
    private boolean admits(List<NetworkPolicyPeer> peers, Pod pod) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(p -> admits(p, pod));
    }

    /** A peer without a namespaceSelector means the policy's own namespace. */
    private boolean admits(NetworkPolicyPeer peer, Pod pod) {
        if (peer.getIpBlock() != null) {
            return false; // pod addresses are private; what an ipBlock admits is checked on its own
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? pod.namespace().equals(namespace.getMetadata().getName())
                : Selectors.selects(peer.getNamespaceSelector(), pod.namespaceLabels());
        return namespaceMatches
                && (peer.getPodSelector() == null || Selectors.selects(peer.getPodSelector(), pod.labels()));
    }
}
