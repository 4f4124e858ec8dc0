package org.newsroom.notify.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * application.properties as a deployment reads it (no test profile): the environment variables operations set
 * (README's configuration table, k8s, docker-compose, the launcher) reach {@link NotifySettings}.
 */
class NotifySettingsTest {

    private static NotifySettings config(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        NotifySettingsTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                // Quarkus reads "5m" and "72h" as durations; plain SmallRye wants ISO-8601.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(NotifySettings.class)
                .build();
        return config.getConfigMapping(NotifySettings.class);
    }

    @Test
    void withoutEnvironmentTheDefaultsHold() throws IOException {
        NotifySettings config = config(Map.of());
        assertEquals("http://localhost:8084", config.baseUrl());
        assertEquals(Optional.empty(), config.tokenSecret());
        assertEquals(Optional.empty(), config.suppressionSecret());
        assertEquals(10, config.signupLimit());
        assertEquals(Duration.ofSeconds(10), config.sendTimeout());
        assertEquals("jwt/unconfigured-public.pem", config.jwtKeyLocation());
        assertEquals(Optional.empty(), config.webhooks().allowedHosts());
        assertEquals(Duration.ofSeconds(10), config.webhooks().timeout());
    }

    @Test
    void theEnvironmentVariablesOperationsUseKeepWorking() throws IOException {
        NotifySettings config = config(Map.of(
                "NEWSROOM_NOTIFY_BASE_URL",
                "https://notify.example.com",
                "NEWSROOM_NOTIFY_TOKEN_SECRET",
                "a-secret-of-at-least-thirty-two-characters",
                "NEWSROOM_NOTIFY_SIGNUP_LIMIT",
                "4",
                "NEWSROOM_NOTIFY_SEND_RATE",
                "2.5",
                "NEWSROOM_NOTIFY_BREAKING_SECTIONS",
                "Breaking",
                "NEWSROOM_JWT_PUBLIC_KEY",
                "file:/keys/jwt.pem",
                "NEWSROOM_WEBHOOK_ALLOWED_HOSTS",
                "hooks.internal,relay.internal",
                "NEWSROOM_WEBHOOK_TIMEOUT",
                "3s"));
        assertEquals("https://notify.example.com", config.baseUrl());
        assertEquals(Optional.of("a-secret-of-at-least-thirty-two-characters"), config.tokenSecret());
        assertEquals(4, config.signupLimit());
        assertEquals(2.5, config.sendRate());
        assertEquals(Optional.of("Breaking"), config.breakingSections());
        assertEquals("file:/keys/jwt.pem", config.jwtKeyLocation());
        assertEquals(
                Optional.of(List.of("hooks.internal", "relay.internal")),
                config.webhooks().allowedHosts());
        assertEquals(Duration.ofSeconds(3), config.webhooks().timeout());
    }
}
