package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;

/** KEDA's {@code keda.sh/v1alpha1 TriggerAuthentication}, reduced to what our manifests use: Secret references. */
record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(List<SecretTargetRef> secretTargetRef) {}

    /** A scaler parameter taken from a Secret's key. */
    record SecretTargetRef(String parameter, String name, String key) {}

    Optional<SecretTargetRef> parameter(String parameter) {
        return spec.secretTargetRef().stream()
                .filter(r -> r.parameter().equals(parameter))
                .findFirst();
    }
}
