package org.newsroom.bench.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StartupTest {
    private static final Path K8S_BASE = Path.of("..", "k8s", "base");

    /**
     * The scenario measures what the pods run: a flag added to a Deployment's environment must reach it too. The
     * image's launcher (run-java.sh) turns JAVA_MAX_MEM_RATIO and GC_CONTAINER_OPTIONS into flags and always adds
     * -XX:+ExitOnOutOfMemoryError (deploy-check's RunJavaLauncher models it in full); JAVA_TOOL_OPTIONS adds its own.
     */
    @Test
    void itStartsEachServiceWithTheFlagsOfItsManifest() throws IOException {
        for (String service : List.of("ingest-service", "editorial-service", "publish-service", "notify-service")) {
            Map<String, String> settings = settings(K8S_BASE.resolve(service).resolve(service + ".env"));
            List<String> manifest = new ArrayList<>();
            manifest.add("-XX:MaxRAMPercentage=" + settings.get("JAVA_MAX_MEM_RATIO"));
            manifest.add("-XX:+ExitOnOutOfMemoryError");
            manifest.addAll(List.of(settings.get("GC_CONTAINER_OPTIONS").split("\\s+")));
            manifest.addAll(List.of(settings.get("JAVA_TOOL_OPTIONS").split("\\s+")));
            assertEquals(manifest, Startup.IMAGE_FLAGS.subList(0, manifest.size()), service);
        }
    }

    private static Map<String, String> settings(Path envFile) throws IOException {
        return Files.readAllLines(envFile).stream()
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
    }
}
