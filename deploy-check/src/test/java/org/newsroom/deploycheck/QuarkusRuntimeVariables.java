package org.newsroom.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code QUARKUS_*} variables each Quarkus extension documents as run-time properties, from the config model
 * every extension jar carries ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}). Only run-time
 * properties count: a build-time one set in a pod's environment would change nothing. A service reads the
 * properties of the extensions its pom names and of those they bring along ({@code extension-dependencies} in
 * {@code META-INF/quarkus-extension.yaml}: quarkus-hibernate-orm-panache brings quarkus-agroal, whose
 * {@code quarkus.datasource.jdbc.max-size} is then a setting of the service). Only the extensions whose jars are on
 * this module's test classpath are known (see the pom).
 */
final class QuarkusRuntimeVariables {

    private static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static final String DESCRIPTOR = "META-INF/quarkus-extension.yaml";

    private final Map<String, Set<String>> byExtension;
    private final Map<String, Set<String>> broughtAlong;

    private QuarkusRuntimeVariables(Map<String, Set<String>> byExtension, Map<String, Set<String>> broughtAlong) {
        this.byExtension = byExtension;
        this.broughtAlong = broughtAlong;
    }

    static QuarkusRuntimeVariables fromClasspath() throws IOException {
        Map<String, Set<String>> byExtension = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url : resources(MODEL)) {
            try (InputStream in = url.openStream()) {
                for (JsonNode root : json.readTree(in).path("configRoots")) {
                    String extension = root.path("extension").path("artifactId").asText();
                    collect(root.path("items"), byExtension.computeIfAbsent(extension, e -> new TreeSet<>()));
                }
            }
        }
        Map<String, Set<String>> broughtAlong = new HashMap<>();
        ObjectMapper yaml = new YAMLMapper();
        for (URL url : resources(DESCRIPTOR)) {
            try (InputStream in = url.openStream()) {
                JsonNode descriptor = yaml.readTree(in);
                Set<String> dependencies = new TreeSet<>();
                descriptor
                        .path("metadata")
                        .path("extension-dependencies")
                        .forEach(d -> dependencies.add(artifactId(d)));
                broughtAlong.put(artifactId(descriptor.path("artifact")), dependencies);
            }
        }
        return new QuarkusRuntimeVariables(byExtension, broughtAlong);
    }

    private static List<URL> resources(String name) throws IOException {
        return Collections.list(QuarkusRuntimeVariables.class.getClassLoader().getResources(name));
    }

    /** {@code io.quarkus:quarkus-agroal[:version]} to {@code quarkus-agroal}. */
    private static String artifactId(JsonNode coordinates) {
        return coordinates.asText().split(":")[1];
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

    /** The extensions whose descriptor is on the classpath: what a service's pom names must be among them. */
    Set<String> extensionsKnown() {
        return broughtAlong.keySet();
    }

    boolean readBy(Set<String> extensions, String variable) {
        return extensions.stream()
                .flatMap(e -> Stream.concat(Stream.of(e), broughtAlong.getOrDefault(e, Set.of()).stream()))
                .anyMatch(e -> byExtension.getOrDefault(e, Set.of()).contains(variable));
    }
}
