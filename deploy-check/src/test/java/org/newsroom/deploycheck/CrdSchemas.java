package org.newsroom.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The operators' kinds (Gateway API, cert-manager, Prometheus operator, KEDA, External Secrets) against their
 * upstream CRD schemas: the {@code @kubernetes-models/*} npm packages compile those schemas into validators, which
 * {@code src/test/crd-schemas/validate.mjs} runs under node. The packages are pinned by that directory's
 * package-lock.json and installed once into the tools directory with {@code npm ci}. Strimzi's kinds have its api
 * jar and CloudNativePG's our records with enums instead (CNPG publishes neither).
 */
final class CrdSchemas {

    private static final Path SOURCE = Repository.ROOT.resolve("deploy-check/src/test/crd-schemas");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "validate.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private CrdSchemas(Path dir) {
        this.dir = dir;
    }

    /** Installs the pinned packages into {@code TOOLS/crd-schemas} unless the same lock file is there already. */
    static CrdSchemas install(Path toolsDir) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(toolsDir.resolve("crd-schemas"));
        Path lock = dir.resolve("package-lock.json");
        boolean installed = Files.isDirectory(dir.resolve("node_modules"))
                && Files.exists(lock)
                && Files.mismatch(lock, SOURCE.resolve("package-lock.json")) == -1;
        for (String file : FILES) {
            Files.copy(SOURCE.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!installed) {
            run(dir, null, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--silent");
        }
        return new CrdSchemas(dir);
    }

    /** The kinds validate.mjs has a schema for. */
    Set<String> kinds() throws IOException, InterruptedException {
        return Set.copyOf(run(dir, null, "node", "validate.mjs", "--kinds"));
    }

    /** One line per document of a rendered YAML stream that its kind's schema refuses, naming it and the field. */
    List<String> problems(String yaml) throws IOException, InterruptedException {
        StringBuilder lines = new StringBuilder();
        try (MappingIterator<JsonNode> nodes =
                new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (nodes.hasNext()) {
                JsonNode node = nodes.next();
                if (node != null && !node.isEmpty()) {
                    lines.append(JSON.writeValueAsString(node)).append('\n');
                }
            }
        }
        return run(dir, lines.toString(), "node", "validate.mjs");
    }

    private static List<String> run(Path dir, String input, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "out", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed in " + dir);
            }
            return new ArrayList<>(Files.readAllLines(output).stream()
                    .filter(l -> !l.isBlank())
                    .toList());
        } finally {
            Files.delete(output);
        }
    }
}
