package org.newsroom.editorial.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * application.properties as a deployment reads it (no test profile): the environment variables operations set
 * (README's configuration table, k8s, docker-compose, the launcher) reach {@link EditorialSettings}.
 */
class EditorialSettingsTest {

    private static EditorialSettings settings(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        EditorialSettingsTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(EditorialSettings.class)
                .build();
        return config.getConfigMapping(EditorialSettings.class);
    }

    @Test
    void withoutEnvironmentTheDefaultsHold() throws IOException {
        EditorialSettings settings = settings(Map.of());
        assertEquals("http://localhost:8083", settings.publicSiteUrl());
        assertEquals(20, settings.feedback().perClientPerMinute());
        assertEquals(3, settings.feedback().gradesPerPublicationPerDay());
        assertEquals("http://localhost:9083", settings.publishInternalUrl());
        assertEquals("http://localhost:9084", settings.notifyInternalUrl());
    }

    @Test
    void theEnvironmentVariablesOperationsUseKeepWorking() throws IOException {
        EditorialSettings settings = settings(Map.of(
                "NEWSROOM_PUBLIC_BASE_URL",
                "https://news.example.com",
                "NEWSROOM_FEEDBACK_RATE",
                "7",
                "NEWSROOM_GRADES_PER_PUBLICATION",
                "1",
                "NEWSROOM_PUBLISH_INTERNAL_URL",
                "http://publish-service:9083",
                "NEWSROOM_NOTIFY_INTERNAL_URL",
                "http://notify-service:9084"));
        assertEquals("https://news.example.com", settings.publicSiteUrl());
        assertEquals(7, settings.feedback().perClientPerMinute());
        assertEquals(1, settings.feedback().gradesPerPublicationPerDay());
        assertEquals("http://publish-service:9083", settings.publishInternalUrl());
        assertEquals("http://notify-service:9084", settings.notifyInternalUrl());
    }
}
