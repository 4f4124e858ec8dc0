package org.newsroom.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotMethodsTest {
    private static final String BURN = HotMethodsTest.class.getName() + ".burn";

    @Test
    void aMethodThatBurnsTheCpuIsOnTopOfBothSelfAndInclusiveTime(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("burn.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            burn(Duration.ofMillis(1500));
            recording.stop();
            recording.dump(file);
        }

        HotMethods methods = HotMethods.of(file);

        assertEquals(BURN, methods.self(1).get(0).getKey());
        assertTrue(methods.self(1).get(0).getValue() > 50, methods.markdown("test"));
        assertEquals(BURN, methods.ours(1).get(0).getKey());
        assertTrue(methods.markdown("test").contains("`" + BURN + "`"));
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
