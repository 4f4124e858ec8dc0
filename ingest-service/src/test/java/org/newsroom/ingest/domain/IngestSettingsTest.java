package org.newsroom.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * application.properties as a deployment reads it (no test profile): the environment variables operations set
 * (README's configuration table, k8s, docker-compose, the launcher, the chaos drill) reach {@link IngestSettings}.
 */
class IngestSettingsTest {

    private static IngestSettings settings(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        IngestSettingsTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(IngestSettings.class)
                .build();
        return config.getConfigMapping(IngestSettings.class);
    }

    @Test
    void withoutEnvironmentTheDefaultsHold() throws IOException {
        IngestSettings settings = settings(Map.of());
        assertEquals(Optional.empty(), settings.feed().url());
        assertEquals("sample-feed", settings.feed().source());
        assertEquals(Duration.ofHours(24), settings.partnerKeyGrace());
        assertEquals(2L * 1024 * 1024, settings.maxRequestSize().asLongValue());
        assertEquals(Optional.empty(), settings.fetch().allowedHosts());
        assertEquals(15_728_640L, settings.fetch().maxBytes());
        assertEquals(Duration.ofSeconds(30), settings.fetch().deadline());
        assertEquals(Duration.ofSeconds(10), settings.fetch().manualMinInterval());
        assertEquals("newsroom-ingest/0.1 (feed fetcher)", settings.fetch().userAgent());
        assertEquals(Duration.ofSeconds(10), settings.poll().every());
        assertEquals(4, settings.poll().concurrency());
        assertEquals(Duration.ofMinutes(10), settings.poll().lease());
        assertEquals(0.3, settings.cluster().threshold());
    }

    @Test
    void theEnvironmentVariablesOperationsUseKeepWorking() throws IOException {
        IngestSettings settings = settings(Map.ofEntries(
                Map.entry("NEWSROOM_FEED_URL", "https://feeds.example.org/world.xml"),
                Map.entry("NEWSROOM_FEED_SOURCE", "world"),
                Map.entry("NEWSROOM_FEED_INTERVAL", "3s"),
                Map.entry("NEWSROOM_PARTNER_KEY_GRACE", "2h"),
                Map.entry("NEWSROOM_FETCH_ALLOWED_HOSTS", "127.0.0.1,feeds.local"),
                Map.entry("NEWSROOM_FETCH_DEADLINE", "12s"),
                Map.entry("NEWSROOM_FETCH_MANUAL_MIN_INTERVAL", "1m"),
                Map.entry("NEWSROOM_POLL_CONCURRENCY", "8"),
                Map.entry("NEWSROOM_POLL_EVERY", "1s"),
                Map.entry("NEWSROOM_POLL_LEASE", "30s"),
                Map.entry("NEWSROOM_INGEST_CLUSTER_THRESHOLD", "0.4")));
        assertEquals(
                Optional.of(URI.create("https://feeds.example.org/world.xml")),
                settings.feed().url());
        assertEquals("world", settings.feed().source());
        assertEquals(Duration.ofSeconds(3), settings.feed().interval());
        assertEquals(Duration.ofHours(2), settings.partnerKeyGrace());
        assertEquals(
                Optional.of(List.of("127.0.0.1", "feeds.local")),
                settings.fetch().allowedHosts());
        assertEquals(Duration.ofSeconds(12), settings.fetch().deadline());
        assertEquals(Duration.ofMinutes(1), settings.fetch().manualMinInterval());
        assertEquals(8, settings.poll().concurrency());
        assertEquals(Duration.ofSeconds(1), settings.poll().every());
        assertEquals(Duration.ofSeconds(30), settings.poll().lease());
        assertEquals(0.4, settings.cluster().threshold());
    }
}
