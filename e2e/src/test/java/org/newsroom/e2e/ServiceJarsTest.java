package org.newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {
    @TempDir
    Path root;

    @Test
    void aJarOlderThanASourceOfItsModuleIsRefusedWithWhatToRebuild() throws IOException {
        Path jar = module("ingest-service", Instant.parse("2026-01-01T10:00:00Z"));
        Path source = root.resolve("ingest-service/src/main/java/Item.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Item {}");
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-01-01T11:00:00Z")));

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> ServiceJars.requireFresh(root, "ingest-service"));
        assertTrue(refused.getMessage().contains("older than " + source), refused.getMessage());
        assertTrue(
                refused.getMessage().contains("./mvnw -B -DskipTests package -pl ingest-service -am"),
                refused.getMessage());

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T12:00:00Z")));
        assertDoesNotThrow(() -> ServiceJars.requireFresh(root, "ingest-service"));
    }

    @Test
    void aJarOlderThanASharedModuleItPackagesIsRefusedButNotForItsTestOnlyModules() throws IOException {
        Path jar = module("publish-service", Instant.parse("2026-01-01T10:00:00Z"));
        Files.writeString(root.resolve("publish-service/pom.xml"), """
                <project><dependencies>
                  <dependency><groupId>org.newsroom</groupId><artifactId>newsroom-theme</artifactId></dependency>
                  <dependency><groupId>org.newsroom</groupId><artifactId>newsroom-testing</artifactId>
                    <scope>test</scope></dependency>
                </dependencies></project>""");
        Files.setLastModifiedTime(
                root.resolve("publish-service/pom.xml"), FileTime.from(Instant.parse("2026-01-01T09:00:00Z")));
        source("testing/src/main/java/Fixture.java", Instant.parse("2026-01-01T11:00:00Z"));
        assertDoesNotThrow(
                () -> ServiceJars.requireFresh(root, "publish-service"), "a test-only module is not packaged");

        Path stylesheet = source("theme/src/main/resources/theme/site.css", Instant.parse("2026-01-01T11:00:00Z"));
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> ServiceJars.requireFresh(root, "publish-service"));
        assertTrue(refused.getMessage().contains("older than " + stylesheet), refused.getMessage());

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T12:00:00Z")));
        assertDoesNotThrow(() -> ServiceJars.requireFresh(root, "publish-service"));
    }

    private Path source(String path, Instant changed) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "changed");
        Files.setLastModifiedTime(file, FileTime.from(changed));
        return file;
    }

    @Test
    void aMissingJarIsRefused() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> ServiceJars.requireFresh(root, "notify-service"));
        assertTrue(refused.getMessage().contains("notify-service is not packaged"), refused.getMessage());
    }

    /** A module whose pom and jar date from {@code built}. */
    private Path module(String name, Instant built) throws IOException {
        Path jar = root.resolve(name + "/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.createDirectories(root.resolve(name + "/src/main"));
        Files.writeString(root.resolve(name + "/pom.xml"), "<project/>");
        Files.setLastModifiedTime(root.resolve(name + "/pom.xml"), FileTime.from(built.minusSeconds(60)));
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.from(built));
        return jar;
    }
}
