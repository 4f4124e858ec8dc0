package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.Namespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The checked-out repository this module checks, and its overlays and data tiers rendered once per test run. */
final class Repository {

    static final Path ROOT =
            Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
    private static final Path TOOLS =
            Path.of(System.getProperty("newsroom.tools", "target/tools")).toAbsolutePath();

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
    private static final Map<String, Manifests> PARSED = new ConcurrentHashMap<>();
    private static Kubectl kubectl;
    private static CrdSchemas crdSchemas;

    private Repository() {}

    static synchronized Kubectl kubectl() throws IOException, InterruptedException {
        if (kubectl == null) {
            kubectl = Kubectl.locate(TOOLS);
        }
        return kubectl;
    }

    static synchronized CrdSchemas crdSchemas() throws IOException, InterruptedException {
        if (crdSchemas == null) {
            crdSchemas = CrdSchemas.install(TOOLS);
        }
        return crdSchemas;
    }

    /**
     * {@code k8s/overlays/NAME}, the application, rendered with kubectl kustomize and read into typed models: what
     * {@code kubectl delete -k k8s/overlays/NAME} deletes.
     */
    static Manifests overlay(String name) {
        return parsed("overlays/" + name);
    }

    /** {@code k8s/overlays/NAME} as {@code kubectl kustomize} prints it: the YAML stream {@code apply -k} sends. */
    static String rendered(String name) {
        return render("overlays/" + name);
    }

    /**
     * {@code k8s/data/NAME}, the environment's PostgreSQL cluster, its databases and backups: applied on its own,
     * before the overlay, so that deleting the overlay cannot delete the databases' volumes.
     */
    static Manifests data(String name) {
        return parsed("data/" + name);
    }

    /** {@code k8s/data/NAME} as {@code kubectl kustomize} prints it. */
    static String renderedData(String name) {
        return render("data/" + name);
    }

    /**
     * What the environment's namespace holds once both are applied: the data tier's render and the overlay's, one
     * YAML stream. The checks of references between objects (a Pooler's cluster, a policy's database pods, a
     * Secret's ExternalSecret) read this.
     */
    static String renderedEnvironment(String name) {
        return renderedData(name).stripTrailing() + "\n---\n" + rendered(name);
    }

    /** {@link #renderedEnvironment}, read into typed models. */
    static Manifests environment(String name) {
        return parsed("environment/" + name);
    }

    private static Manifests parsed(String key) {
        return PARSED.computeIfAbsent(key, k -> {
            try {
                return Manifests.parse(
                        k.startsWith("environment/")
                                ? renderedEnvironment(k.substring("environment/".length()))
                                : render(k));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String render(String directory) {
        return RENDERED.computeIfAbsent(directory, d -> {
            try {
                return kubectl().kustomize(ROOT.resolve("k8s").resolve(d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * {@code k8s/namespaces/NAME.yaml}: the namespaces live outside the overlays, applied once by ops, so that
     * {@code kubectl delete -k} of an overlay cannot delete a namespace and every volume in it.
     */
    static Namespace namespace(String name) {
        try {
            return StrictMapper.YAML.readValue(
                    ROOT.resolve("k8s/namespaces").resolve(name + ".yaml").toFile(), Namespace.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code k8s/ops/*.yaml}: what the runbooks apply by hand, read into the same typed models. */
    static Manifests ops() {
        try (Stream<Path> files = Files.list(ROOT.resolve("k8s/ops"))) {
            StringBuilder all = new StringBuilder();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.append("---\n").append(Files.readString(file)).append('\n');
            }
            return Manifests.parse(all.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceConfig service(String name) {
        try {
            return ServiceConfig.load(ROOT, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
