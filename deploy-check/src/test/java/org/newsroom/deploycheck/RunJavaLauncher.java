package org.newsroom.deploycheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The java command line the services' image starts, computed from the container's environment the way its launcher
 * does. Quarkus' Jib extension (quarkus-container-image-jib-deployment 3.33, {@code JibProcessor}) gives an image
 * built on the UBI OpenJDK runtime images (Java 17: registry.access.redhat.com/ubi9/openjdk-17-runtime) the entrypoint
 * {@code /opt/jboss/container/java/run/run-java.sh}, with {@code JAVA_APP_JAR}, {@code JAVA_APP_DIR} and
 * {@code JAVA_OPTS_APPEND} (its JVM arguments, by default the JBoss log manager) in the image's environment.
 *
 * <p>The rules, from github.com/jboss-container-images/openjdk: {@code modules/run/.../run-java.sh}
 * ({@code get_java_options}: {@code ${JAVA_OPTS-<debug> <proxy> <java-default-options> ${JAVA_OPTS_APPEND}}}: a set
 * JAVA_OPTS, even empty, replaces everything) and {@code modules/jvm/.../java-default-options}
 * ({@code -XX:MaxRAMPercentage=${JAVA_MAX_MEM_RATIO:-80.0}} unless it is 0; {@code ${GC_CONTAINER_OPTIONS:-
 * -XX:+UseParallelGC}} and the heap-free, GC-time and adaptive-size ratios; {@code -XX:+ExitOnOutOfMemoryError}).
 * Debug and proxy options are left out (the manifests set neither JAVA_DEBUG nor proxies), as are the metaspace
 * options (unset) and the JDK module's {@code jvm-options} hook. The JVM reads {@code JAVA_TOOL_OPTIONS} before the
 * command line, so a flag on the command line wins over the same flag there.
 */
final class RunJavaLauncher {

    /** What Jib writes into the image's environment: its default JVM argument. */
    static final Map<String, String> IMAGE_ENVIRONMENT =
            Map.of("JAVA_OPTS_APPEND", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");

    private RunJavaLauncher() {}

    /** The options run-java.sh passes to java, for a container environment (the image's, then the pod's). */
    static List<String> commandLineOptions(Map<String, String> podEnvironment) {
        Map<String, String> env = new LinkedHashMap<>(IMAGE_ENVIRONMENT);
        env.putAll(podEnvironment);
        if (env.containsKey("JAVA_OPTS")) {
            return words(env.get("JAVA_OPTS"));
        }
        List<String> options = new ArrayList<>();
        if (!"0".equals(env.get("JAVA_MAX_MEM_RATIO"))) {
            options.add("-XX:MaxRAMPercentage=" + orDefault(env, "JAVA_MAX_MEM_RATIO", "80.0"));
        }
        options.addAll(words(orDefault(env, "GC_CONTAINER_OPTIONS", "-XX:+UseParallelGC")));
        options.add("-XX:MinHeapFreeRatio=" + orDefault(env, "GC_MIN_HEAP_FREE_RATIO", "10"));
        options.add("-XX:MaxHeapFreeRatio=" + orDefault(env, "GC_MAX_HEAP_FREE_RATIO", "20"));
        options.add("-XX:GCTimeRatio=" + orDefault(env, "GC_TIME_RATIO", "4"));
        options.add("-XX:AdaptiveSizePolicyWeight=" + orDefault(env, "GC_ADAPTIVE_SIZE_POLICY_WEIGHT", "90"));
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.addAll(words(env.getOrDefault("JAVA_OPTS_APPEND", "")));
        return options;
    }

    /**
     * The -XX flags in effect: JAVA_TOOL_OPTIONS first, then the command line, the later value of a flag winning
     * ({@code +Name}/{@code -Name} as "true"/"false").
     */
    static Map<String, String> effectiveFlags(Map<String, String> podEnvironment) {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(words(podEnvironment.getOrDefault("JAVA_TOOL_OPTIONS", "")));
        all.addAll(commandLineOptions(podEnvironment));
        for (String option : all) {
            if (!option.startsWith("-XX:")) {
                continue;
            }
            String flag = option.substring("-XX:".length());
            if (flag.startsWith("+") || flag.startsWith("-")) {
                flags.put(flag.substring(1), String.valueOf(flag.startsWith("+")));
            } else {
                String[] nameAndValue = flag.split("=", 2);
                flags.put(nameAndValue[0], nameAndValue[1]);
            }
        }
        return flags;
    }

    /** The collectors switched on: the JVM refuses to start with more than one. */
    static List<String> collectors(Map<String, String> flags) {
        return flags.entrySet().stream()
                .filter(f -> f.getKey().matches("Use\\w+GC") && "true".equals(f.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Shell's {@code ${NAME:-default}}: the default also when the variable is set but empty. */
    private static String orDefault(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
