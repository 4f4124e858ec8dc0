package org.newsroom.chaos;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault harness at small scale, so that every build proves it: kill -9 of editorial and of notify (as the
 * edition's newsletter fans out), an oversized item among normal ones, and poison records on every topic. Nothing may
 * be lost or duplicated, no valid event dead-lettered, every service must recover by itself. About five minutes on
 * a 2-core machine; the full run ({@code ./newsroom chaos}) has every scenario at 10,000 items.
 */
class ShortRunTest {

    @Test
    void killsAnOversizedItemAndPoisonLoseNothing() throws Exception {
        Path root = Path.of(System.getProperty("newsroom.root", ".."))
                .toAbsolutePath()
                .normalize();
        Drill.Settings settings = new Drill.Settings(
                20, 3, 3, Duration.ofSeconds(15), Duration.ofSeconds(150), 10, Duration.ofSeconds(30));
        Verdict verdict = Chaos.run(
                root,
                List.of(Scenario.KILL_EDITORIAL, Scenario.KILL_NOTIFY, Scenario.OVERSIZED, Scenario.POISON),
                settings);
        System.out.println(verdict.table());
        assertFalse(verdict.failed(), verdict::table);
    }
}
