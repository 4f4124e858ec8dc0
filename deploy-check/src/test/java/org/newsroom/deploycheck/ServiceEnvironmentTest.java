package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which variables count as read by a service, on the real services' configuration. */
class ServiceEnvironmentTest {

    private static QuarkusRuntimeVariables quarkus;

    @BeforeAll
    static void readQuarkusConfigModels() throws IOException {
        quarkus = QuarkusRuntimeVariables.fromClasspath();
    }

    private static ServiceEnvironment of(String service) {
        return new ServiceEnvironment(Repository.service(service), quarkus);
    }

    @Test
    void variablesTheServiceRefersToAreRead() {
        assertTrue(of("ingest-service").reads("NEWSROOM_DB_HOST"));
        assertTrue(of("ingest-service").reads("NEWSROOM_FEED_URL"));
        assertTrue(of("notify-service").reads("NEWSROOM_SMTP_HOST"));
    }

    @Test
    void aMisspeltOrForeignVariableIsNot() {
        assertFalse(of("ingest-service").reads("NEWSROOM_DB_HOTS"));
        assertFalse(of("ingest-service").reads("NEWSROOM_SMTP_HOST"), "notify's setting, not ingest's");
        assertFalse(of("publish-service").reads("NEWSROOM_JWT_PUBLIC_KEY"), "publish verifies no JWT");
    }

    @Test
    void theEnvironmentFormOfAPropertyTheServiceSetsIsRead() {
        assertTrue(of("editorial-service").reads("QUARKUS_HTTP_PORT"));
        assertTrue(of("notify-service").reads("QUARKUS_MAILER_START_TLS"));
        assertEquals("QUARKUS_MAILER_START_TLS", ServiceConfig.environmentName("quarkus.mailer.start-tls"));
    }

    @Test
    void runTimePropertiesOfTheServicesOwnExtensionsAreRead() {
        assertTrue(of("ingest-service").reads("QUARKUS_SHUTDOWN_TIMEOUT"), "quarkus-core, every service");
        assertTrue(of("notify-service").reads("QUARKUS_MAILER_PASSWORD"), "notify has quarkus-mailer");
        assertFalse(of("ingest-service").reads("QUARKUS_MAILER_PASSWORD"), "ingest has no mailer");
        assertFalse(
                of("notify-service").reads("QUARKUS_MAILER_CACHE_ATTACHMENTS"),
                "build-time property: setting it on a pod changes nothing");
    }

    @Test
    void runTimePropertiesOfTheExtensionsTheyBringAlongAreRead() {
        // quarkus-hibernate-orm-panache brings quarkus-agroal, which documents the JDBC pool.
        assertTrue(of("editorial-service").reads("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
        assertTrue(of("notify-service").reads("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE"), "quarkus-vertx-http, via rest");
        assertFalse(of("editorial-service").reads("QUARKUS_DATASOURCE_JDBC_MAX_SIZ"), "no such property");
    }

    /** A service's extension missing from this module's classpath would make its properties look unknown. */
    @Test
    void everyExtensionTheServicesNameIsKnown() {
        Set<String> build = Set.of("quarkus-junit", "quarkus-maven-plugin");
        ServiceConfig.services().forEach(service -> {
            Set<String> missing = new TreeSet<>(Repository.service(service).extensions());
            missing.removeAll(build);
            missing.removeAll(quarkus.extensionsKnown());
            assertEquals(Set.of(), missing, service + "'s extensions without a descriptor on the classpath");
        });
    }

    @Test
    void kafkaClientSettingsAreReadByServicesWithKafka() {
        assertTrue(of("notify-service").reads("KAFKA_SASL_JAAS_CONFIG"));
        assertTrue(of("ingest-service").reads("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertFalse(of("ingest-service").reads("KAFKA_SASL_JASS_CONFIG"), "no such client setting");
    }

    @Test
    void theJvmsOwnVariablesAreRead() {
        assertTrue(of("publish-service").reads("JAVA_TOOL_OPTIONS"));
        assertTrue(of("publish-service").reads("TZ"));
    }
}
