package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Map;
import java.util.TreeMap;

/**
 * The literal environment a rendered container starts with: its ConfigMaps' data (envFrom, in order), then its own
 * {@code env} values, which win, as the kubelet resolves them. Variables from Secrets are left out (no value here).
 */
final class RenderedEnvironment {

    private RenderedEnvironment() {}

    static Map<String, String> of(Manifests manifests, Container container) {
        Map<String, String> environment = new TreeMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            environment.putAll(manifests
                    .named(ConfigMap.class, source.getConfigMapRef().getName())
                    .getData());
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
            }
        }
        return environment;
    }
}
