package org.newsroom.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.newsroom.testing.ServiceProcess;

/**
 * Probes {@code /q/health/live} of every running instance about once a second while a phase's fault is on and until
 * the phase is reconciled: a healthy process must never say it should be restarted, whatever is down around it.
 * An instance counts once it has answered UP (before, it is still starting), and stops counting when the harness
 * kills or stops it.
 */
final class LivenessWatch implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofSeconds(1);
    /** Generous for a probe on a loaded 2-core machine; a process that cannot answer in this long is not healthy. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Supplier<List<ServiceProcess>> instances;
    private final Set<ServiceProcess> up = ConcurrentHashMap.newKeySet();
    private final Set<ServiceProcess> retired = ConcurrentHashMap.newKeySet();
    private final Phase phase;
    private final Thread prober;
    private volatile boolean watching = true;

    private LivenessWatch(Phase phase, Supplier<List<ServiceProcess>> instances) {
        this.phase = phase;
        this.instances = instances;
        this.prober = new Thread(this::probe, "chaos-liveness");
        this.prober.setDaemon(true);
    }

    static LivenessWatch start(Phase phase, Supplier<List<ServiceProcess>> instances) {
        LivenessWatch watch = new LivenessWatch(phase, instances);
        watch.prober.start();
        return watch;
    }

    /** The harness is about to kill or stop the instance: what it answers from now on says nothing about health. */
    void retire(ServiceProcess instance) {
        retired.add(instance);
    }

    private void probe() {
        while (watching) {
            Instant next = Instant.now().plus(PERIOD);
            List<CompletableFuture<Void>> probes = instances.get().stream()
                    .filter(i -> i.isAlive() && !retired.contains(i))
                    .map(this::probe)
                    .toList();
            CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).join();
            Duration left = Duration.between(Instant.now(), next);
            if (!left.isNegative()) {
                try {
                    Thread.sleep(left.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private CompletableFuture<Void> probe(ServiceProcess instance) {
        Instant at = Instant.now();
        phase.livenessProbes.incrementAndGet();
        return http.sendAsync(
                        HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/q/health/live"))
                                .timeout(TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (response != null && response.statusCode() == 200) {
                        up.add(instance);
                    } else if (up.contains(instance)) {
                        down(
                                instance,
                                at,
                                response != null
                                        ? "HTTP " + response.statusCode() + " "
                                                + abbreviate(response.body().strip())
                                        : describe(failure));
                    }
                    return null;
                });
    }

    /** Records the answer unless the process was being killed or stopped by the harness meanwhile. */
    private void down(ServiceProcess instance, Instant at, String answer) {
        if (retired.contains(instance) || !instance.isAlive()) {
            return;
        }
        phase.livenessDown(instance.name() + " (" + instance.managementUrl() + ") at " + at + ": " + answer);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        return cause instanceof IOException ? "no connection (" + cause + ")" : cause.toString();
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        prober.interrupt();
        prober.join(TIMEOUT.toMillis() + 5000);
    }
}
