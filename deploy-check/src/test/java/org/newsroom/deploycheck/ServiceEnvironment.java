package org.newsroom.deploycheck;

import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Whether a service reads an environment variable, so that a Deployment or compose service setting
 * one it does not read (a typo, or a setting left behind by a rename) fails the check.
 */
final class ServiceEnvironment {

    /** Read by the JVM itself or by the image's launcher (RunJavaLauncher), not by the application's config. */
    private static final Set<String> JVM =
            Set.of("JAVA_TOOL_OPTIONS", "TZ", "JAVA_MAX_MEM_RATIO", "GC_CONTAINER_OPTIONS");

    private final ServiceConfig config;
    private final QuarkusRuntimeVariables quarkus;

    ServiceEnvironment(ServiceConfig config, QuarkusRuntimeVariables quarkus) {
        this.config = config;
        this.quarkus = quarkus;
    }

    /**
     * True when the variable is referenced as {@code ${NAME}} in application.properties, is the
     * environment form of a property set there (Quarkus lets {@code QUARKUS_HTTP_PORT} override
     * {@code quarkus.http.port}), is a run-time property of one of the service's Quarkus extensions,
     * is a Kafka client setting, or is read by the JVM.
     */
    boolean reads(String variable) {
        return config.referencedVariables().contains(variable)
                || config.propertyNames().stream()
                        .map(ServiceConfig::environmentName)
                        .anyMatch(variable::equals)
                || quarkus.readBy(config.extensions(), variable)
                || kafkaClientSetting(variable)
                || JVM.contains(variable);
    }

    /**
     * Quarkus hands every {@code KAFKA_*} variable to the Kafka clients as a client setting
     * ({@code KAFKA_SASL_MECHANISM} → {@code sasl.mechanism}); it counts when Kafka's own clients
     * know that setting.
     */
    private boolean kafkaClientSetting(String variable) {
        if (!variable.startsWith("KAFKA_") || !config.extensions().contains("quarkus-messaging-kafka")) {
            return false;
        }
        String setting =
                variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        return ConsumerConfig.configNames().contains(setting)
                || ProducerConfig.configNames().contains(setting);
    }
}
