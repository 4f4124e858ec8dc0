package org.newsroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void countsUserSystemAndReapedChildrenTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194304 4860 161756 0 11 "
                + "8 13 3274 1570 20 0 1 0 4572 222445568 7313 18446744073709551615 0 0 0";

        assertEquals(8 + 13 + 3274 + 1570, ProcessCpu.ticks(stat));
    }

    @Test
    void thisJvmHasSpentSomeCpu() {
        assertTrue(ProcessCpu.ticks(ProcessHandle.current().pid()) > 0);
    }

    @Test
    void aProcessThatIsGoneHasSpentNothing() {
        assertEquals(0, ProcessCpu.ticks(Long.MAX_VALUE));
    }

    @Test
    void givesEachGroupPerResultAndTheBusyShareOfTheCores() {
        ProcessCpu.Snapshot before = new ProcessCpu.Snapshot(0, Map.of("ingest", 1.0, "broker", 2.0));
        ProcessCpu.Snapshot after = new ProcessCpu.Snapshot(2_000_000_000L, new LinkedHashMap<>(Map.of("ingest", 1.5)));
        after.seconds().put("broker", 2.1);
        int cores = Runtime.getRuntime().availableProcessors();

        assertEquals(
                String.format(
                        Locale.ROOT,
                        "ingest 5.00 ms · broker 1.00 ms · **total 6.00 ms** · 0.6 CPU s of %d cores × 2.0 s wall = %.0f%% busy",
                        cores,
                        100 * 0.6 / (cores * 2.0)),
                ProcessCpu.perResult(before, after, 100));
    }
}
