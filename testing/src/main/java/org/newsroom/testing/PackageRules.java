package org.newsroom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one-way rule every service follows, checked on its sources so that a new import cannot quietly break it:
 * {@code api} (the HTTP side) and {@code messaging} (the inbound consumers) are the service's two doors and
 * depend on the domain, never the other way round and never on each other. A class outside {@code api} that names
 * an {@code api} class, or outside {@code messaging} names a {@code messaging} class, is a violation.
 */
public final class PackageRules {
    private static final List<String> DOORS = List.of("api", "messaging");

    private PackageRules() {}

    /** @param sourceRoot the service's {@code src/main/java}; @param basePackage e.g. {@code org.newsroom.notify} */
    public static void assertOneWay(Path sourceRoot, String basePackage) {
        assertEquals(
                List.of(),
                violations(sourceRoot, basePackage),
                "only api may use api, only messaging may use messaging");
    }

    static List<String> violations(Path sourceRoot, String basePackage) {
        Path base = sourceRoot.resolve(basePackage.replace('.', '/'));
        if (!Files.isDirectory(base)) {
            throw new IllegalArgumentException("no sources of " + basePackage + " under " + sourceRoot);
        }
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .sorted()
                    .forEach(f -> violations.addAll(violationsIn(base, f, basePackage)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static List<String> violationsIn(Path base, Path file, String basePackage) {
        String room = base.relativize(file).getName(0).toString();
        String text = read(file);
        List<String> found = new ArrayList<>();
        for (String door : DOORS) {
            if (!door.equals(room) && text.contains(basePackage + "." + door + ".")) {
                found.add(base.relativize(file) + " uses " + basePackage + "." + door);
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
