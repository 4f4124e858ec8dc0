package org.newsroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared settings stay in one place: a service's application.properties neither repeats nor overrides a key of
 * this module's file (in any profile), and sets every per-service value the shared file refers to.
 */
class SharedConfigTest {

    private static final Path ROOT =
            Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
    private static final Path SHARED = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Path SERVICE_CONFIG = Path.of("src/main/resources/application.properties");
    /** {@code ${some.property}} (a dotted name: a property, where an environment variable has none). */
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)}");
    /** A profile prefix, as in {@code %test.} or {@code %dev,test.}. */
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    static Stream<String> services() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs
                    .filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.exists(d.resolve(SERVICE_CONFIG)))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyServiceIsChecked() throws IOException {
        Set<String> found = services().collect(Collectors.toSet());
        assertTrue(
                found.containsAll(List.of("ingest-service", "editorial-service", "publish-service", "notify-service")),
                "services found under " + ROOT + ": " + found);
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceSetsNoSharedKey(String service) {
        Set<String> shared = unprofiled(load(SHARED).stringPropertyNames());
        Set<String> repeated = new TreeSet<>();
        for (String key : load(ROOT.resolve(service).resolve(SERVICE_CONFIG)).stringPropertyNames()) {
            if (shared.contains(unprofiled(key))) {
                repeated.add(key);
            }
        }
        assertEquals(
                Set.of(),
                repeated,
                service + " sets keys of config/" + SHARED + ": change them there, for every service");
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceSetsEveryValueTheSharedFileRefersTo(String service) {
        Properties own = load(ROOT.resolve(service).resolve(SERVICE_CONFIG));
        Set<String> missing = new TreeSet<>(referencedProperties(load(SHARED)));
        missing.addAll(List.of(
                "quarkus.application.name",
                "quarkus.http.port",
                "quarkus.management.port",
                "mp.messaging.outgoing.outbox.topic"));
        missing.removeAll(own.stringPropertyNames());
        assertEquals(Set.of(), missing, service + " must set its own value of these");
    }

    /** Web's and outbox's defaults rank as this file does: a key in two of them would be a coin toss. */
    @Test
    void noOtherModuleDefaultsASharedKey() throws IOException {
        Set<String> shared = unprofiled(load(SHARED).stringPropertyNames());
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module :
                    modules.filter(m -> Files.exists(m.resolve(SHARED))).toList()) {
                if (module.getFileName().toString().equals("config")) {
                    continue;
                }
                Set<String> both =
                        new TreeSet<>(unprofiled(load(module.resolve(SHARED)).stringPropertyNames()));
                both.retainAll(shared);
                assertEquals(Set.of(), both, module.getFileName() + " also defaults keys of config");
            }
        }
    }

    @Test
    void sharedFileRefersToPerServiceValues() {
        assertEquals(Set.of("newsroom.database"), referencedProperties(load(SHARED)));
    }

    private static Set<String> referencedProperties(Properties properties) {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = PROPERTY_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static Set<String> unprofiled(Set<String> keys) {
        return keys.stream().map(SharedConfigTest::unprofiled).collect(Collectors.toSet());
    }

    private static String unprofiled(String key) {
        return PROFILE.matcher(key).replaceFirst("");
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
