package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heap and the JVM flags the services' containers really get: the rendered environment run through the image's
 * launcher (RunJavaLauncher), not the flags as written.
 */
class JvmCommandLineTest {

    private static final List<String> SERVICES =
            List.of("ingest-service", "editorial-service", "publish-service", "notify-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theHeapIsThreeQuartersOfTheMemoryLimitWithTheSerialCollectorAndC1(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        for (String service : SERVICES) {
            Container container = ConfigMapRolloutTest.container(manifests, service);
            Map<String, String> flags = RunJavaLauncher.effectiveFlags(RenderedEnvironment.of(manifests, container));

            assertEquals("75", flags.get("MaxRAMPercentage"), service);
            Quantity limit = container.getResources().getLimits().get("memory");
            BigDecimal heap = limit.getNumericalAmount()
                    .multiply(new BigDecimal(flags.get("MaxRAMPercentage")))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
            BigDecimal expected = limit.getNumericalAmount().multiply(new BigDecimal("0.75"));
            assertEquals(0, expected.compareTo(heap), service + ": heap " + heap + " of " + limit);

            assertEquals(List.of("UseSerialGC"), RunJavaLauncher.collectors(flags), service);
            assertEquals("1", flags.get("TieredStopAtLevel"), service);
            assertEquals("true", flags.get("ExitOnOutOfMemoryError"), service);
        }
    }

    /** The manifests' former way: the launcher's own defaults beat it, and the two collectors stop the JVM. */
    @Test
    void flagsOnlyInJavaToolOptionsLoseToTheLauncher() {
        Map<String, String> flags = RunJavaLauncher.effectiveFlags(Map.of(
                "JAVA_TOOL_OPTIONS",
                "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        assertEquals("80.0", flags.get("MaxRAMPercentage"));
        assertEquals(List.of("UseSerialGC", "UseParallelGC"), RunJavaLauncher.collectors(flags));
    }

    @Test
    void jibsLogManagerArgumentStaysOnTheCommandLine() {
        assertTrue(RunJavaLauncher.commandLineOptions(Map.of("JAVA_MAX_MEM_RATIO", "75"))
                .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"));
    }
}
