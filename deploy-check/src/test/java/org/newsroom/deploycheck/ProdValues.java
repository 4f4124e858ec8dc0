package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The check a prod render must pass before it is applied: no placeholder left (the repository's own, the reserved
 * .invalid and example.com names, dev's newsroom.local, the unreleased :0.1.0 tag) and every image by digest. A
 * refusal names the keys of prod.env that still hold a placeholder.
 */
final class ProdValues {

    static final List<String> PLACEHOLDERS =
            List.of("placeholder", "example.com", "newsroom.local", ":0.1.0", ".invalid");

    private ProdValues() {}

    /** Throws, naming the keys to fill and the first offending lines, unless the render is ready for prod. */
    static void requireReal(String render, Path prodEnv) throws IOException {
        List<String> problems = new ArrayList<>(render.lines()
                .filter(ProdValues::holdsPlaceholder)
                .map(String::strip)
                .limit(10)
                .toList());
        for (Deployment deployment : Manifests.parse(render).all(Deployment.class)) {
            Stream.concat(
                            deployment.getSpec().getTemplate().getSpec().getContainers().stream(),
                            deployment.getSpec().getTemplate().getSpec().getInitContainers().stream())
                    .map(Container::getImage)
                    .filter(image -> !image.contains("@sha256:"))
                    .forEach(image -> problems.add("image not by digest: " + image));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the prod render is not ready: fill " + unfilledKeys(prodEnv) + " in "
                    + prodEnv.getFileName() + "; it holds " + problems);
        }
    }

    /** The keys of prod.env whose value is still a placeholder or an image by tag. */
    static List<String> unfilledKeys(Path prodEnv) throws IOException {
        return Files.readAllLines(prodEnv).stream()
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .filter(line -> holdsPlaceholder(line.substring(line.indexOf('=') + 1))
                        || line.contains("_IMAGE=") && !line.contains("@sha256:"))
                .map(line -> line.substring(0, line.indexOf('=')))
                .toList();
    }

    private static boolean holdsPlaceholder(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.stream().anyMatch(lower::contains);
    }
}
