package org.newsroom.deploycheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code kubectl kustomize} (no look-alike renderer): {@code $NEWSROOM_KUBECTL} if set,
 * else {@code kubectl} on the PATH, else the pinned kubectl that {@link KubectlFromNpm} unpacks.
 * Setting {@code NEWSROOM_KUBECTL=npm} forces the pinned one.
 */
final class Kubectl {

    private final Path binary;

    private Kubectl(Path binary) {
        this.binary = binary;
    }

    static Kubectl locate(Path toolsDir) throws IOException, InterruptedException {
        String configured = System.getenv("NEWSROOM_KUBECTL");
        if ("npm".equals(configured)) {
            return new Kubectl(KubectlFromNpm.obtain(toolsDir));
        }
        if (configured != null && !configured.isBlank()) {
            return new Kubectl(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return new Kubectl(candidate);
            }
        }
        return new Kubectl(KubectlFromNpm.obtain(toolsDir));
    }

    /** {@code kubectl kustomize DIR}: the YAML stream {@code kubectl apply -k DIR} would send. */
    String kustomize(Path dir) throws IOException, InterruptedException {
        return run(List.of(binary.toString(), "kustomize", dir.toString()));
    }

    String version() throws IOException, InterruptedException {
        return run(List.of(binary.toString(), "version", "--client")).strip();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("kubectl", ".err");
        try {
            Process process =
                    new ProcessBuilder(command).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException(
                        String.join(" ", command) + " failed (" + process.exitValue() + "): " + Files.readString(err));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
