package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged services the end-to-end tests start must be built from the sources they test: a jar older than its
 * module's sources would make a test pass or fail for code that is no longer there.
 */
final class ServiceJars {
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern NEWSROOM_ARTIFACT = Pattern.compile("<artifactId>newsroom-([a-z-]+)</artifactId>");

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

    /**
     * The newest file the jar is built from: the service's pom and main sources, service-parent's pom, and the main
     * sources of every module of this repository it packages (the theme, web, events…: a stylesheet changed in
     * {@code theme} is stale in a publish jar built before).
     */
    private static Optional<Path> newestSource(Path module) {
        List<Path> poms = Stream.of(module.resolve("pom.xml"), module.resolveSibling("service-parent/pom.xml"))
                .filter(Files::exists)
                .toList();
        Stream<Path> modules =
                Stream.concat(Stream.of(module), poms.stream().flatMap(pom -> packagedModules(pom).stream()));
        try (Stream<Path> sources =
                Stream.concat(poms.stream(), modules.distinct().flatMap(ServiceJars::mainSources).toList().stream())) {
            return sources.max(Comparator.comparing(ServiceJars::modified));
        }
    }

    /** The repository's modules (newsroom-X in directory X) a pom depends on outside the test scope. */
    private static List<Path> packagedModules(Path pom) {
        List<Path> modules = new ArrayList<>();
        Matcher dependency = DEPENDENCY.matcher(read(pom));
        while (dependency.find()) {
            Matcher artifact = NEWSROOM_ARTIFACT.matcher(dependency.group(1));
            if (artifact.find() && !dependency.group(1).contains("<scope>test</scope>")) {
                Path dir = pom.getParent().resolveSibling(artifact.group(1));
                if (Files.isDirectory(dir.resolve("src/main"))) {
                    modules.add(dir);
                }
            }
        }
        return modules;
    }

    private static Stream<Path> mainSources(Path module) {
        if (!Files.isDirectory(module.resolve("src/main"))) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
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
