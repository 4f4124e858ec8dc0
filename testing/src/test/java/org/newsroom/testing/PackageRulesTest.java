package org.newsroom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRulesTest {
    @TempDir
    Path root;

    @Test
    void doorsMayUseTheDomainButNotTheOtherWayRound() throws IOException {
        write("api/StoryResource.java", "import org.example.domain.Story;");
        write("messaging/ItemConsumer.java", "import org.example.domain.Desk;");
        write("domain/Desk.java", "import org.example.messaging.ItemConsumer;");
        write("domain/Story.java", "/** {@link org.example.api.StoryResource} */");
        write("newsletter/Fanout.java", "import org.example.domain.Story;");
        write("api/Hook.java", "import org.example.messaging.ItemConsumer;");

        assertEquals(
                List.of(
                        "api/Hook.java uses org.example.messaging",
                        "domain/Desk.java uses org.example.messaging",
                        "domain/Story.java uses org.example.api"),
                PackageRules.violations(root, "org.example"));
        assertThrows(AssertionError.class, () -> PackageRules.assertOneWay(root, "org.example"));
    }

    @Test
    void aCleanServicePasses() throws IOException {
        write("api/StoryResource.java", "import org.example.domain.Story;");
        write("webhook/WebhookSender.java", "import org.example.subscription.Subscriber;");
        PackageRules.assertOneWay(root, "org.example");
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve("org/example").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
