package org.newsroom.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The check a prod render must pass before it is applied: no placeholder left (the repository's own, the reserved
 * .invalid and example.com names, dev's newsroom.local, the unreleased :0.1.0 tag) and every container image by
 * digest. A refusal names what to fill: the keys of the overlay's prod.env still holding a placeholder, and the
 * entries of its kustomization's {@code images:} not pinned to a digest (the one place a release sets its images).
 */
final class ProdValues {

    static final List<String> PLACEHOLDERS =
            List.of("placeholder", "example.com", "newsroom.local", ":0.1.0", ".invalid");

    /** An image reference pinned to content: any name, then {@code @sha256:} and the 64 hex digits of the digest. */
    static final Pattern BY_DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * Where prod's values are, from the overlay: the component both of prod's kustomizations list (the overlay and
     * k8s/data/prod), so that one file fills both.
     */
    static final String PROD_ENV = "values/prod.env";

    private ProdValues() {}

    /**
     * Throws, naming what to fill and the first offending lines, unless a render of prod (the overlay's or the data
     * tier's, which read the same prod.env) is ready for prod.
     */
    static void requireReal(String render, Path overlay) throws IOException {
        List<String> problems = new ArrayList<>(render.lines()
                .filter(ProdValues::holdsPlaceholder)
                .map(String::strip)
                .limit(10)
                .toList());
        // Deployments and Pods are the only kinds with containers that Manifests reads (it refuses any other).
        Manifests manifests = Manifests.parse(render);
        Stream.concat(
                        manifests.all(Deployment.class).stream()
                                .map(d -> d.getSpec().getTemplate().getSpec()),
                        manifests.all(Pod.class).stream().map(Pod::getSpec))
                .flatMap(pod -> images(pod).stream())
                .filter(image -> !BY_DIGEST.matcher(image).matches())
                .forEach(image -> problems.add("image not by digest: " + image));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the prod render is not ready: fill " + unfilledKeys(overlay)
                    + " in " + PROD_ENV + " and pin " + unpinnedImages(overlay)
                    + " by digest in kustomization.yaml's images:; it holds " + problems);
        }
    }

    /** The keys of the overlay's prod.env whose value is still a placeholder. */
    static List<String> unfilledKeys(Path overlay) throws IOException {
        return Files.readAllLines(overlay.resolve(PROD_ENV)).stream()
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .filter(line -> holdsPlaceholder(line.substring(line.indexOf('=') + 1)))
                .map(line -> line.substring(0, line.indexOf('=')))
                .toList();
    }

    /** The names in the overlay's kustomization {@code images:} whose digest is missing or not sha256 of 64 hex. */
    static List<String> unpinnedImages(Path overlay) throws IOException {
        JsonNode images = StrictMapper.YAML
                .readTree(overlay.resolve("kustomization.yaml").toFile())
                .path("images");
        return StreamSupport.stream(images.spliterator(), false)
                .filter(image -> !DIGEST.matcher(image.path("digest").asText()).matches())
                .map(image -> image.path("name").asText())
                .toList();
    }

    /** The images a Deployment's pods run: its containers', then its init containers'. */
    static List<String> images(Deployment deployment) {
        return images(deployment.getSpec().getTemplate().getSpec());
    }

    private static List<String> images(PodSpec pod) {
        return Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                .map(Container::getImage)
                .toList();
    }

    private static boolean holdsPlaceholder(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.stream().anyMatch(lower::contains);
    }
}
