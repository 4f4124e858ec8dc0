package org.newsroom.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Chromium driven by playwright-core under node ({@code src/test/browser/reader.mjs}): a reader's walk, described as
 * {@link Steps}, and what the reader saw; and the scripts beside it, which the desk's tests run, one of them in
 * Firefox too (puppeteer-core over WebDriver BiDi). The npm packages (playwright-core, puppeteer-core,
 * @axe-core/playwright, axe-core) are pinned by that directory's package-lock.json and installed with {@code npm ci}
 * into {@code target/browser}; the browsers are the system's Chromium and Firefox ESR (Debian's packages, which
 * .ci/run installs), never ones the libraries download.
 */
final class Browser {
    private static final Path ROOT =
            Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
    private static final Path SOURCE = ROOT.resolve("e2e/src/test/browser");
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Where the screenshots, the accessibility findings and the browser's version go: the test report. */
    static final Path REPORTS = ROOT.resolve("e2e/target/browser-reports");

    private final Path dir;
    private final Path chromium;
    private final Path firefox;

    private Browser(Path dir, Path chromium, Path firefox) {
        this.dir = dir;
        this.chromium = chromium;
        this.firefox = firefox;
    }

    /**
     * The browser, once its packages are installed; the calling test is skipped (a JUnit assumption, its reason
     * printed) only when there is no Chromium or no node on this machine: .ci/run installs both.
     */
    static Browser require() throws IOException, InterruptedException {
        Path chromium = chromium();
        Assumptions.assumeTrue(missing(chromium).isEmpty(), () -> "browser tests skipped: " + missing(chromium));
        Path dir = Files.createDirectories(ROOT.resolve("e2e/target/browser"));
        Path lock = dir.resolve("package-lock.json");
        boolean installed = Files.isDirectory(dir.resolve("node_modules"))
                && Files.exists(lock)
                && Files.mismatch(lock, SOURCE.resolve("package-lock.json")) == -1;
        try (var files = Files.list(SOURCE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!installed) {
            run(dir, null, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--silent");
        }
        Files.createDirectories(REPORTS);
        Path firefox = firefox();
        String environment = "chromium " + firstLine("dpkg-query", "-W", "-f=${Version}", "chromium") + " ("
                + chromium + ")\nfirefox-esr " + firstLine("dpkg-query", "-W", "-f=${Version}", "firefox-esr") + " ("
                + firefox + ")\nnode " + firstLine("node", "--version") + "\n"
                + firstLine("node", "-e", PACKAGES) + "\n";
        Files.writeString(REPORTS.resolve("environment.txt"), environment);
        System.out.print("Browser tests on " + environment);
        return new Browser(dir, chromium, firefox);
    }

    /**
     * Skips the calling test (a JUnit assumption, its reason printed) when the named browser, "chromium" or
     * "firefox", is not on this machine: .ci/run installs both.
     */
    void requireEngine(String engine) {
        Path executable = "firefox".equals(engine) ? firefox : chromium;
        Assumptions.assumeTrue(
                Files.isExecutable(executable),
                () -> "browser tests skipped: no " + engine + " at " + executable
                        + " (apt-get install firefox-esr, or set NEWSROOM_FIREFOX)");
    }

    private static Path chromium() {
        return Path.of(System.getenv().getOrDefault("NEWSROOM_CHROMIUM", "/usr/bin/chromium"));
    }

    private static Path firefox() {
        return Path.of(System.getenv().getOrDefault("NEWSROOM_FIREFOX", "/usr/bin/firefox-esr"));
    }

    /** Why the browser cannot run here, if it cannot. */
    private static Optional<String> missing(Path chromium) {
        if (!Files.isExecutable(chromium)) {
            return Optional.of("no Chromium at " + chromium + " (apt-get install chromium, or set NEWSROOM_CHROMIUM)");
        }
        return answers("node", "--version")
                ? Optional.empty()
                : Optional.of("no node on the PATH (apt-get install nodejs npm)");
    }

    /**
     * Skips a test class, before it starts anything, where there is no Chromium or no node: its tests show as
     * skipped, and the reason is printed.
     */
    static final class Available implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> missing = missing(chromium());
            missing.ifPresent(reason -> System.err.println("WARNING: browser tests skipped: " + reason));
            return missing.map(reason -> ConditionEvaluationResult.disabled("browser tests skipped: " + reason))
                    .orElseGet(() -> ConditionEvaluationResult.enabled("Chromium and node are here"));
        }
    }

    /** The installed versions of the pinned packages, as npm resolved them. */
    private static final String PACKAGES =
            "for (const p of ['playwright-core', 'puppeteer-core', '@axe-core/playwright', 'axe-core'])"
                    + " process.stdout.write(p + ' ' + require('./node_modules/' + p + '/package.json').version + '  ')";

    /** The first line a command prints, or "unknown" when it cannot run. */
    private static String firstLine(String... command) {
        try {
            List<String> lines = run(ROOT.resolve("e2e/target/browser"), null, command);
            return lines.isEmpty() ? "unknown" : lines.get(0).strip();
        } catch (IOException notThere) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** What a walk showed: the pages reached, the audits made, requests that left the site, the step that failed. */
    record Walk(
            List<Visited> visited,
            List<Audit> audits,
            List<External> external,
            List<ConsoleError> console,
            Failure failed,
            String browser) {

        /** The walk's failure, if a step failed, with what the page showed and where its screenshot is. */
        void requireCompleted(String walk) {
            if (failed != null) {
                throw new AssertionError(walk + ": step " + failed.step() + " " + failed.what() + " failed: "
                        + failed.message() + "\n  on " + failed.url() + " (HTTP " + failed.status() + ", h1 "
                        + failed.headings() + ")\n  screenshot: " + failed.screenshot()
                        + (console.isEmpty() ? "" : "\n  console errors: " + console));
            }
        }

        /** The last page reached. */
        Visited last() {
            return visited.get(visited.size() - 1);
        }
    }

    record Visited(String url, Integer status, List<String> heading) {}

    record Audit(String page, String url, int width, String scheme, String screenshot, List<Violation> violations) {
        String variant() {
            return page + " at " + width + " px, " + scheme;
        }
    }

    record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {}

    record External(String url, String from) {}

    record ConsoleError(String url, String text) {}

    record Failure(
            int step,
            String what,
            String message,
            String url,
            Integer status,
            List<String> headings,
            String screenshot) {}

    /**
     * Walks the steps in a fresh browser at the given width (height 900 px).
     *
     * @param name names the walk's failure screenshot
     * @param site the hosts (host:port) of the site; a request to any other is refused and reported
     */
    Walk walk(String name, List<String> site, int width, Steps steps) throws IOException, InterruptedException {
        Map<String, Object> request = Map.of(
                "name", name, "hosts", site, "viewport", Map.of("width", width, "height", 900), "steps", steps.list());
        return script("reader.mjs", request, Walk.class);
    }

    /**
     * Runs one of the scripts of {@code src/test/browser} with the request as JSON on its stdin (plus where Chromium
     * and Firefox are, as {@code chromium} and {@code firefox}, and where reports go, as {@code reports}) and reads its
     * stdout as the answer.
     */
    <T> T script(String script, Map<String, Object> request, Class<T> answer) throws IOException, InterruptedException {
        Map<String, Object> full = new LinkedHashMap<>(request);
        full.put("chromium", chromium.toString());
        full.put("firefox", firefox.toString());
        full.put("reports", REPORTS.toString());
        List<String> output = run(dir, JSON.writeValueAsString(full), "node", script);
        return JSON.readValue(String.join("\n", output), answer);
    }

    private static boolean answers(String... command) {
        try {
            return new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException notThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> run(Path dir, String input, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "out", ".json");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 5 minutes in " + dir);
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + " in " + dir
                        + " (its errors are above)");
            }
            return new ArrayList<>(Files.readAllLines(output));
        } finally {
            Files.delete(output);
        }
    }
}
