package org.newsroom.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotMethodsTest {
    private static final String BURN = HotMethodsTest.class.getName() + ".burn";
    private static final String AWAIT = HotMethodsTest.class.getName() + ".awaitConnection";

    @Test
    void aMethodThatBurnsTheCpuIsOnTopOfBothSelfAndInclusiveTimeAndOneWaitingOnASocketIsAmongTheWaiting(
            @TempDir Path directory) throws Exception {
        Path file = directory.resolve("burn.jfr");
        try (Recording recording = new Recording();
                ServerSocket server = new ServerSocket(0)) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
            recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(500));
            recording.start();
            Thread waiting = new Thread(() -> awaitConnection(server));
            waiting.start();
            burn(Duration.ofMillis(1500));
            recording.stop();
            recording.dump(file);
            server.close();
            waiting.join();
        }

        HotMethods methods = HotMethods.of(file, Instant.MIN);

        assertEquals(BURN, methods.self(1).get(0).getKey());
        assertTrue(methods.self(1).get(0).getValue() > 50, methods.markdown("test"));
        assertEquals(BURN, methods.ours(1).get(0).getKey());
        assertEquals("org.newsroom.bench", methods.libraries(1).get(0).getKey());
        assertEquals(
                Thread.currentThread().getName().replaceAll("[0-9]+", "#"),
                methods.threads(1).get(0).getKey());
        assertTrue(methods.markdown("test").contains("`" + BURN + "`"));
        assertTrue(
                methods.waiting(10).stream().anyMatch(method -> method.getKey().equals(AWAIT)),
                methods.markdown("test"));
    }

    @Test
    void leavesOutSamplesTakenBeforeTheMeasurementStarted(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("before.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            burn(Duration.ofMillis(300));
            recording.stop();
            recording.dump(file);
        }

        assertEquals(1, HotMethods.of(file, Instant.MIN).self(1).size());
        assertTrue(HotMethods.of(file, Instant.now()).self(1).isEmpty());
    }

    /** Blocks in native code (a socket's accept) until the server socket is closed. */
    private static void awaitConnection(ServerSocket server) {
        try {
            server.accept().close();
        } catch (IOException closed) {
            // the test is over
        }
    }

    /** Arithmetic only, no calls: whatever the JIT does, the samples land in this method's own frame. */
    private static double burn(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        double sum = 0;
        while (System.nanoTime() < end) {
            for (int i = 1; i < 10_000; i++) {
                sum += Math.sqrt(i) * sum % 7;
            }
        }
        return sum;
    }
}
