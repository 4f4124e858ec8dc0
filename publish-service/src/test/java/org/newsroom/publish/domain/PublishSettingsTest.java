package org.newsroom.publish.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsroom.theme.Theme;

/**
 * application.properties as a deployment reads it (no test profile): the environment variables operations set
 * (README's configuration table, k8s, docker-compose, the launcher) reach {@link PublishSettings}.
 */
class PublishSettingsTest {

    private static SmallRyeConfig config(Map<String, String> environment) throws IOException {
        ClassLoader classes = PublishSettingsTest.class.getClassLoader();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(classes.getResource("application.properties"), 250));
        // the shared modules' defaults (config, theme), as Quarkus reads them from their jars
        for (URL shared : Collections.list(classes.getResources("META-INF/microprofile-config.properties"))) {
            builder.withSources(new PropertiesConfigSource(shared, 100));
        }
        return builder.withSources(new EnvConfigSource(environment, 300))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(PublishSettings.class)
                .withMapping(Theme.Site.class)
                .build();
    }

    private static PublishSettings settings(Map<String, String> environment) throws IOException {
        return config(environment).getConfigMapping(PublishSettings.class);
    }

    /** The site's name and addresses are the theme's, which notify's pages share. */
    private static Theme.Site site(Map<String, String> environment) throws IOException {
        return config(environment).getConfigMapping(Theme.Site.class);
    }

    @Test
    void withoutEnvironmentTheDefaultsHold() throws IOException {
        PublishSettings settings = settings(Map.of());
        assertEquals("http://localhost:8082", settings.feedbackUrl());
        assertEquals(50, settings.feedSize());
        assertEquals(Duration.ofSeconds(10), settings.scheduleInterval());
        Theme.Site site = site(Map.of());
        assertEquals("http://localhost:8083", site.url());
        assertEquals("newsroom", site.title());
        assertEquals("http://localhost:8084", site.subscriptionsUrl());
    }

    @Test
    void theEnvironmentVariablesOperationsUseKeepWorking() throws IOException {
        Map<String, String> environment = Map.of(
                "NEWSROOM_PUBLIC_BASE_URL", "https://news.example.com",
                "NEWSROOM_FEEDBACK_URL", "https://editorial.example.com",
                "NEWSROOM_SITE_TITLE", "The Harbor Ledger",
                "NEWSROOM_NOTIFY_BASE_URL", "https://notify.example.com",
                "NEWSROOM_FEEDS_SIZE", "20",
                "NEWSROOM_SCHEDULE_INTERVAL", "2s");
        PublishSettings settings = settings(environment);
        Theme.Site site = site(environment);
        assertEquals("https://news.example.com", site.url());
        assertEquals("The Harbor Ledger", site.title());
        assertEquals("https://notify.example.com", site.subscriptionsUrl());
        assertEquals("https://editorial.example.com", settings.feedbackUrl());
        assertEquals(20, settings.feedSize());
        assertEquals(Duration.ofSeconds(2), settings.scheduleInterval());
    }
}
