package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * The External Secrets Operator's {@code external-secrets.io/v1 ExternalSecret}: a Secret the operator writes from a
 * secret store, reduced to the fields our manifests use.
 */
record ExternalSecret(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(String refreshInterval, StoreRef secretStoreRef, Target target, List<Data> data) {}

    record StoreRef(StoreKind kind, String name) {}

    enum StoreKind {
        SecretStore,
        ClusterSecretStore
    }

    record Target(String name, CreationPolicy creationPolicy, DeletionPolicy deletionPolicy, Template template) {}

    enum CreationPolicy {
        Owner,
        Orphan,
        Merge,
        None
    }

    enum DeletionPolicy {
        Delete,
        Merge,
        Retain
    }

    record Template(String type, TemplateMetadata metadata, Map<String, String> data) {}

    record TemplateMetadata(Map<String, String> labels, Map<String, String> annotations) {}

    /** One key of the Secret, from one property of a remote secret. */
    record Data(String secretKey, RemoteRef remoteRef) {}

    record RemoteRef(String key, String property) {}
}
