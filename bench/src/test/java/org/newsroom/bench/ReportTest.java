package org.newsroom.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path root;

    @Test
    void aRunReplacesItsOwnSectionWithItsProvenanceAndLeavesTheOthers() throws IOException {
        Path doc = root.resolve("docs/benchmarks.md");
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, """
                # Benchmarks

                <!-- bench:a.One -->
                old figures
                <!-- /bench:a.One -->

                <!-- bench:b.Two -->
                kept
                <!-- /bench:b.Two -->
                """, StandardCharsets.UTF_8);

        new Report(root)
                .record(
                        "a.One",
                        List.of("10"),
                        new Figures("One", "set up so").add("rate", "5/s"),
                        "0.50 / 0.40 / 0.30");

        String written = Files.readString(doc, StandardCharsets.UTF_8);
        assertTrue(!written.contains("old figures"), written);
        assertTrue(written.contains("kept"), written);
        assertTrue(written.contains("Re-run: `./newsroom bench a.One 10`"), written);
        assertTrue(written.contains("| rate | 5/s |"), written);
        String provenance = written.lines()
                .filter(line -> line.startsWith("Provenance: "))
                .findFirst()
                .orElseThrow();
        // Not a repository: the commit is said to be unknown rather than made up.
        assertTrue(provenance.contains("commit `unknown` (tree state unknown)"), provenance);
        assertTrue(provenance.contains(Runtime.getRuntime().availableProcessors() + " cores"), provenance);
        assertTrue(provenance.contains("0.50 / 0.40 / 0.30 before, "), provenance);
        assertTrue(provenance.contains("Java " + System.getProperty("java.runtime.version")), provenance);
    }
}
