package org.newsroom.publish.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * application.properties as a deployment reads it (no test profile): the environment variables operations set
 * (README's configuration table, k8s, docker-compose, the launcher) reach {@link PublishSettings}.
 */
class PublishSettingsTest {

    private static PublishSettings settings(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        PublishSettingsTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(PublishSettings.class)
                .build();
        return config.getConfigMapping(PublishSettings.class);
    }

    @Test
    void withoutEnvironmentTheDefaultsHold() throws IOException {
        PublishSettings settings = settings(Map.of());
        assertEquals("http://localhost:8083", settings.publicBaseUrl());
        assertEquals("http://localhost:8082", settings.feedbackUrl());
        assertEquals("newsroom", settings.siteTitle());
        assertEquals(50, settings.feedSize());
        assertEquals(Duration.ofSeconds(10), settings.scheduleInterval());
    }

    @Test
    void theEnvironmentVariablesOperationsUseKeepWorking() throws IOException {
        PublishSettings settings = settings(Map.of(
                "NEWSROOM_PUBLIC_BASE_URL", "https://news.example.com",
                "NEWSROOM_FEEDBACK_URL", "https://editorial.example.com",
                "NEWSROOM_SITE_TITLE", "The Harbor Ledger",
                "NEWSROOM_FEEDS_SIZE", "20",
                "NEWSROOM_SCHEDULE_INTERVAL", "2s"));
        assertEquals("https://news.example.com", settings.publicBaseUrl());
        assertEquals("https://editorial.example.com", settings.feedbackUrl());
        assertEquals("The Harbor Ledger", settings.siteTitle());
        assertEquals(20, settings.feedSize());
        assertEquals(Duration.ofSeconds(2), settings.scheduleInterval());
    }
}
