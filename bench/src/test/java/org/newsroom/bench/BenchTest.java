package org.newsroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchTest {
    @Test
    void aScenarioNameWithoutADotIsAPackageWithItsCapitalisedClass() {
        assertEquals("org.newsroom.bench.startup.Startup", Bench.className("startup"));
        assertEquals("org.newsroom.bench.pipeline.Throughput", Bench.className("pipeline.Throughput"));
    }
}
