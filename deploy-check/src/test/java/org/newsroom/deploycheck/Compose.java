package org.newsroom.deploycheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as Compose reads it: SnakeYAML resolves the {@code <<:} merge keys the file
 * uses for shared defaults, and rejects duplicate keys.
 */
final class Compose {

    /** One entry of {@code services:}, with the short and long syntaxes Compose allows normalized. */
    record Service(String name, Map<String, Object> spec) {

        String image() {
            return (String) spec.get("image");
        }

        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            Object raw = spec.get("environment");
            if (raw instanceof Map<?, ?> map) {
                map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            } else if (raw instanceof List<?> list) {
                list.forEach(e -> {
                    String[] kv = String.valueOf(e).split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                });
            }
            return env;
        }

        /** Container side of each published port ("HOST:CONTAINER" or "CONTAINER"). */
        List<Integer> containerPorts() {
            return strings("ports").stream()
                    .map(p -> Integer.parseInt(p.substring(p.lastIndexOf(':') + 1)))
                    .toList();
        }

        List<String> volumes() {
            return strings("volumes");
        }

        /** depends_on in the long form; a dependency listed without a condition maps to "". */
        Map<String, String> dependsOn() {
            Map<String, String> conditions = new LinkedHashMap<>();
            Object raw = spec.get("depends_on");
            if (raw instanceof Map<?, ?> map) {
                map.forEach((k, v) -> conditions.put(
                        String.valueOf(k),
                        v instanceof Map<?, ?> m && m.get("condition") != null
                                ? String.valueOf(m.get("condition"))
                                : ""));
            } else if (raw instanceof List<?> list) {
                list.forEach(d -> conditions.put(String.valueOf(d), ""));
            }
            return conditions;
        }

        /** The health check's test, joined into one string; empty when there is none. */
        Optional<String> healthcheck() {
            if (!(spec.get("healthcheck") instanceof Map<?, ?> check) || check.get("test") == null) {
                return Optional.empty();
            }
            Object test = check.get("test");
            return Optional.of(
                    test instanceof List<?> parts
                            ? String.join(
                                    " ", parts.stream().map(String::valueOf).toList())
                            : String.valueOf(test));
        }

        /** The command as the container receives it: Compose turns {@code $$} into a literal {@code $}. */
        String command() {
            Object raw = spec.get("command");
            String command = raw instanceof List<?> parts
                    ? String.join(" ", parts.stream().map(String::valueOf).toList())
                    : String.valueOf(raw);
            return command.replace("$$", "$");
        }

        private List<String> strings(String key) {
            Object raw = spec.get(key);
            return raw instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of();
        }
    }

    private final Map<String, Service> services = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private Compose(Map<String, Object> root) {
        ((Map<String, Map<String, Object>>) root.get("services"))
                .forEach((name, spec) -> services.put(name, new Service(name, spec)));
    }

    static Compose load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> root = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
        return new Compose(root);
    }

    Map<String, Service> services() {
        return services;
    }

    Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }
}
