package org.newsroom.bench.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTest {
    private static final Path K8S_BASE = Path.of("..", "k8s", "base");
    private static final String VARIABLE = "JAVA_TOOL_OPTIONS=";

    /** The scenario measures what the pods run: a flag added to a Deployment's environment must reach it too. */
    @Test
    void itStartsEachServiceWithTheFlagsOfItsManifest() throws IOException {
        for (String service : List.of("ingest-service", "editorial-service", "publish-service", "notify-service")) {
            List<String> manifest = javaToolOptions(K8S_BASE.resolve(service).resolve(service + ".env"));
            assertEquals(manifest, Startup.IMAGE_FLAGS.subList(0, manifest.size()), service);
        }
    }

    private static List<String> javaToolOptions(Path settings) throws IOException {
        String line = Files.readAllLines(settings).stream()
                .map(String::strip)
                .filter(entry -> entry.startsWith(VARIABLE))
                .findFirst()
                .orElseThrow(() -> new AssertionError(settings + " sets no " + VARIABLE));
        return List.of(line.substring(VARIABLE.length()).strip().split("\\s+"));
    }
}
