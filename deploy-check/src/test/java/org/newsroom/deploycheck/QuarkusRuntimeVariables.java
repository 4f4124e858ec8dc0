package org.newsroom.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code QUARKUS_*} variables each Quarkus extension reads at run time, from the config model
 * every extension jar carries ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}). Only
 * run-time properties count: a build-time one set in a pod's environment would change nothing.
 * Only the extensions whose jars are on this module's test classpath are known (see the pom).
 */
final class QuarkusRuntimeVariables {

    private static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    private final Map<String, Set<String>> byExtension;

    private QuarkusRuntimeVariables(Map<String, Set<String>> byExtension) {
        this.byExtension = byExtension;
    }

    static QuarkusRuntimeVariables fromClasspath() throws IOException {
        Map<String, Set<String>> byExtension = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url :
                Collections.list(QuarkusRuntimeVariables.class.getClassLoader().getResources(MODEL))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode root : json.readTree(in).path("configRoots")) {
                    String extension = root.path("extension").path("artifactId").asText();
                    collect(root.path("items"), byExtension.computeIfAbsent(extension, e -> new TreeSet<>()));
                }
            }
        }
        return new QuarkusRuntimeVariables(byExtension);
    }

    /** Items are properties or sections of further items. */
    private static void collect(JsonNode items, Set<String> into) {
        for (JsonNode item : items) {
            JsonNode path = item.path("path");
            if (path.has("environmentVariable")
                    && "RUN_TIME".equals(item.path("phase").asText())) {
                into.add(path.path("environmentVariable").asText());
            }
            collect(item.path("items"), into);
        }
    }

    Set<String> extensionsKnown() {
        return byExtension.keySet();
    }

    boolean readBy(Set<String> extensions, String variable) {
        return extensions.stream()
                .anyMatch(e -> byExtension.getOrDefault(e, Set.of()).contains(variable));
    }
}
