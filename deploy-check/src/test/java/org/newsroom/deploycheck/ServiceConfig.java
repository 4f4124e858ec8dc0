package org.newsroom.deploycheck;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's {@code src/main/resources/application.properties} and pom say about how it must
 * be deployed: its port, its Kafka channels, the environment variables it reads and its extensions.
 * Profile-specific keys ({@code %test.…}) are left out: they never apply in a deployment.
 */
final class ServiceConfig {

    /** {@code ${NAME}} or {@code ${NAME:default}} inside a property value. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>(quarkus-[^<]+)</artifactId>");
    /** A dependency on one of this repository's modules, e.g. {@code newsroom-web} in directory {@code web}. */
    private static final Pattern OWN_MODULE = Pattern.compile("<artifactId>newsroom-([a-z]+)</artifactId>");

    private static final String MODULE_DEFAULTS = "src/main/resources/META-INF/microprofile-config.properties";
    /** {@code ${some.property}}: a dotted name is another property (an environment variable has no dot). */
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)}");

    /** An incoming Kafka channel: where it reads, as which group, and where its poison records go. */
    record Incoming(String channel, String topic, String groupId, String autoOffsetReset, String deadLetterTopic) {}

    private final String name;
    private final Properties properties;
    private final Set<String> extensions;

    private ServiceConfig(String name, Properties properties, Set<String> extensions) {
        this.name = name;
        this.properties = properties;
        this.extensions = extensions;
    }

    /**
     * Reads {@code ROOT/NAME/…}; the extensions come from the service's pom and service-parent's. The defaults of
     * the repository's own modules it depends on ({@code META-INF/microprofile-config.properties}: config's shared
     * settings, web's trusted proxies) count too, below its application.properties, as Quarkus ranks them. A
     * reference to another property, as in {@code ${NEWSROOM_DB_NAME:${newsroom.database}}}, is replaced by its value.
     */
    static ServiceConfig load(Path root, String name) throws IOException {
        Properties all = new Properties();
        for (Path pom : List.of(root.resolve(name).resolve("pom.xml"), root.resolve("service-parent/pom.xml"))) {
            Matcher m = OWN_MODULE.matcher(Files.readString(pom));
            while (m.find()) {
                Path defaults = root.resolve(m.group(1)).resolve(MODULE_DEFAULTS);
                if (Files.exists(defaults)) {
                    try (Reader in = Files.newBufferedReader(defaults)) {
                        all.load(in);
                    }
                }
            }
        }
        try (Reader in =
                Files.newBufferedReader(root.resolve(name).resolve("src/main/resources/application.properties"))) {
            all.load(in);
        }
        Properties deployed = new Properties();
        all.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("%"))
                .forEach(k -> deployed.setProperty(k, resolved(all.getProperty(k), all)));
        Set<String> extensions = new TreeSet<>();
        extensions.add("quarkus-core");
        for (Path pom : List.of(root.resolve(name).resolve("pom.xml"), root.resolve("service-parent/pom.xml"))) {
            Matcher m = ARTIFACT_ID.matcher(Files.readString(pom));
            while (m.find()) {
                extensions.add(m.group(1));
            }
        }
        return new ServiceConfig(name, deployed, extensions);
    }

    private static String resolved(String value, Properties all) {
        return PROPERTY_REFERENCE
                .matcher(value)
                .replaceAll(m -> Matcher.quoteReplacement(all.getProperty(m.group(1), m.group())));
    }

    String name() {
        return name;
    }

    Set<String> extensions() {
        return extensions;
    }

    Optional<String> property(String key) {
        return Optional.ofNullable(properties.getProperty(key));
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port")
                .orElseThrow(() -> new IllegalStateException(name + " sets no quarkus.http.port")));
    }

    /** The management interface's port (health, metrics, OpenAPI), which it serves on nothing else. */
    int managementPort() {
        if (!"true".equals(property("quarkus.management.enabled").orElse("false"))) {
            throw new IllegalStateException(name + " has no management interface (quarkus.management.enabled)");
        }
        return Integer.parseInt(property("quarkus.management.port")
                .orElseThrow(() -> new IllegalStateException(name + " sets no quarkus.management.port")));
    }

    Set<String> propertyNames() {
        return properties.stringPropertyNames();
    }

    /** Every {@code ${NAME…}} the properties refer to: the service's own environment variables. */
    Set<String> referencedVariables() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The default a property gives a variable, as in {@code ${NEWSROOM_DB_NAME:newsroom_ingest}}. */
    Optional<String> defaultOf(String variable) {
        for (String key : properties.stringPropertyNames()) {
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                if (m.group(1).equals(variable) && m.group(2) != null) {
                    return Optional.of(m.group(2));
                }
            }
        }
        return Optional.empty();
    }

    List<Incoming> incoming() {
        String prefix = "mp.messaging.incoming.";
        return properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix) && k.endsWith(".topic") && !k.endsWith(".dead-letter-queue.topic"))
                .sorted()
                .map(k -> k.substring(prefix.length(), k.length() - ".topic".length()))
                .map(channel -> new Incoming(
                        channel,
                        properties.getProperty(prefix + channel + ".topic"),
                        properties.getProperty(prefix + channel + ".group.id"),
                        properties.getProperty(prefix + channel + ".auto.offset.reset", "latest"),
                        properties.getProperty(prefix + channel + ".dead-letter-queue.topic")))
                .toList();
    }

    /** Every topic the service reads, writes or dead-letters to. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.") && k.endsWith(".topic"))
                .sorted()
                .forEach(k -> topics.add(properties.getProperty(k)));
        return topics;
    }

    /** The environment variable Quarkus maps to a property: {@code quarkus.http.port} → {@code QUARKUS_HTTP_PORT}. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static Stream<String> services() {
        return Stream.of("ingest-service", "editorial-service", "publish-service", "notify-service");
    }
}
