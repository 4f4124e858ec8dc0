package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/** cert-manager's {@code cert-manager.io/v1 Certificate}, reduced to the fields our manifests use. */
record Certificate(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(String secretName, IssuerRef issuerRef, List<String> dnsNames, PrivateKey privateKey) {}

    record IssuerRef(String group, IssuerKind kind, String name) {}

    enum IssuerKind {
        Issuer,
        ClusterIssuer
    }

    record PrivateKey(Algorithm algorithm, Integer size, RotationPolicy rotationPolicy) {}

    enum Algorithm {
        RSA,
        ECDSA,
        Ed25519
    }

    enum RotationPolicy {
        Never,
        Always
    }
}
