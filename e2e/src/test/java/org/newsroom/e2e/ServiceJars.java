package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The packaged services the end-to-end tests start must be built from the sources they test: a jar older than its
 * module's sources would make a test pass or fail for code that is no longer there.
 */
final class ServiceJars {
    private ServiceJars() {}

    /** {@link #requireFresh(Path, String...)} in the repository the build runs in (property newsroom.root). */
    static void requireFresh(String... services) {
        requireFresh(
                Path.of(System.getProperty("newsroom.root", ".."))
                        .toAbsolutePath()
                        .normalize(),
                services);
    }

    /** Fails, saying what to rebuild, when a service's jar is missing or older than a file of its module's sources. */
    static void requireFresh(Path root, String... services) {
        for (String service : services) {
            Path module = root.resolve(service);
            Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
            String rebuild = "rebuild it: ./mvnw -B -DskipTests package -pl " + service + " -am";
            if (!Files.exists(jar)) {
                throw new IllegalStateException(service + " is not packaged (no " + jar + "): " + rebuild);
            }
            FileTime built = modified(jar);
            newestSource(module)
                    .filter(source -> modified(source).compareTo(built) > 0)
                    .ifPresent(source -> {
                        throw new IllegalStateException(service + "'s jar (built " + built + ") is older than " + source
                                + " (changed " + modified(source) + "): the tests would run stale code; " + rebuild);
                    });
        }
    }

    private static Optional<Path> newestSource(Path module) {
        try (Stream<Path> sources = Stream.concat(
                Stream.of(module.resolve("pom.xml")),
                Files.walk(module.resolve("src/main")).filter(Files::isRegularFile))) {
            return sources.max(Comparator.comparing(ServiceJars::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
