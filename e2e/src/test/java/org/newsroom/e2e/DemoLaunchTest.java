package org.newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo runs outside the tests' class path: {@code ./newsroom demo} starts {@link Demo} with
 * {@code target/classes} and the class path {@code target/classpath.txt} lists. Started that way against a stack that
 * is not there, it must fail as a demo does (exit 1, naming the step's error), not with a class missing from that
 * class path (as it once did: commons-logging, which rest-assured needs and the platform leaves out).
 */
class DemoLaunchTest {
    private static final Path TARGET = Path.of("target");

    /** The demo's mailbox answers (so the walk gets as far as its first HTTP call); the services do not. */
    private final GreenMail pop3 =
            new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort());

    @BeforeEach
    void startMailbox() {
        pop3.getManagers().getUserManager().setAuthRequired(false);
        pop3.start();
    }

    @AfterEach
    void stopMailbox() {
        pop3.stop();
    }

    @Test
    void theDemoStartsFromTheLaunchersClassPathAndFailsCleanlyWithoutAStack() throws Exception {
        String classPath = TARGET.resolve("classes")
                + File.pathSeparator
                + Files.readString(TARGET.resolve("classpath.txt")).strip();
        ProcessBuilder demo = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        Demo.class.getName())
                .redirectErrorStream(true);
        String nowhere = "http://127.0.0.1:1";
        demo.environment()
                .putAll(Map.of(
                        "NEWSROOM_DEMO_INGEST_URL",
                        nowhere,
                        "NEWSROOM_DEMO_EDITORIAL_URL",
                        nowhere,
                        "NEWSROOM_DEMO_PUBLISH_URL",
                        nowhere,
                        "NEWSROOM_DEMO_NOTIFY_URL",
                        nowhere,
                        "NEWSROOM_DEMO_POP3_PORT",
                        String.valueOf(pop3.getPop3().getPort()),
                        "NEWSROOM_DEMO_EDITOR_TOKEN",
                        "none",
                        "NEWSROOM_DEMO_CHIEF_EDITOR_TOKEN",
                        "none",
                        "NEWSROOM_DEMO_ITEMS",
                        Path.of("..", "samples", "items.json").toString()));
        Process process = demo.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the demo gave up on a missing stack within a minute");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertFalse(output.contains("NoClassDefFoundError") || output.contains("ClassNotFoundException"), output);
        assertTrue(output.contains("demo: Connection refused"), output);
        assertEquals(1, process.exitValue(), output);
    }

    @Test
    void theClassPathListsOnlyJarsThatExist() throws IOException {
        List<String> entries = List.of(
                Files.readString(TARGET.resolve("classpath.txt")).strip().split(File.pathSeparator));
        assertFalse(entries.isEmpty());
        entries.forEach(entry -> assertTrue(Files.isRegularFile(Path.of(entry)), entry));
    }
}
