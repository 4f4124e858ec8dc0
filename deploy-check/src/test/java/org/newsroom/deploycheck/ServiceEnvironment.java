package org.newsroom.deploycheck;

import java.util.Set;

/**
 * Whether a service reads an environment variable, so that a Deployment or compose service setting
 * one it does not read (a typo, or a setting left behind by a rename) fails the check.
 */
final class ServiceEnvironment {

    /** Read by the JVM itself, not by the application's config. */
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS", "TZ");

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
     * or is read by the JVM.
     */
    boolean reads(String variable) {
        return config.referencedVariables().contains(variable)
                || config.propertyNames().stream().map(ServiceConfig::environmentName).anyMatch(variable::equals)
                || quarkus.readBy(config.extensions(), variable)
                || JVM.contains(variable);
    }
}
