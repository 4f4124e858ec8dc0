package org.newsroom.bench.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/** Starting services and timing them until ready: one alone (then its memory), or several at once. */
final class Starts {
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofMillis(20);
    /** How long a service is left alone after ready before its memory "at rest" is read. */
    private static final Duration REST = Duration.ofSeconds(2);

    /**
     * One start of a service alone: seconds to ready, the CPU seconds it had used by then, memory at rest, and memory
     * after the warm-up (if any).
     */
    record Start(double readySeconds, double cpuSeconds, Memory atRest, Memory warm) {}

    /**
     * One start of several services at once: each one's seconds to ready, the CPU seconds they had used once all were
     * ready, and their memory at rest, summed.
     */
    record Stack(List<Double> readySeconds, double cpuSeconds, long rssKib) {
        double lastReadySeconds() {
            return readySeconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }

    /** Starts the service, measures it (warming it up unless {@code warmUp} is null) and stops it. */
    Start once(Pipeline pipeline, String service, List<String> flags, Map<String, String> env, WarmUp warmUp)
            throws Exception {
        long start = System.nanoTime();
        ServiceProcess process = pipeline.start(service, env, flags);
        try {
            double ready = awaitReady(process, start);
            double cpu = cpuSeconds(process);
            Thread.sleep(REST.toMillis());
            Memory atRest = Memory.of(process.pid());
            if (warmUp == null) {
                return new Start(ready, cpu, atRest, atRest);
            }
            warmUp.run(pipeline, process);
            return new Start(ready, cpu, atRest, Memory.of(process.pid()));
        } finally {
            pipeline.stop(process);
        }
    }

    /** Starts all the services at once, measures them at rest and stops them. */
    Stack stack(Pipeline pipeline, List<String> services, List<String> flags, Map<String, String> env)
            throws Exception {
        long start = System.nanoTime();
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            for (String service : services) {
                processes.add(pipeline.start(service, env, flags));
            }
            List<Double> ready = awaitReady(processes, start);
            double cpu = 0;
            for (ServiceProcess process : processes) {
                cpu += cpuSeconds(process);
            }
            Thread.sleep(REST.toMillis());
            long rss = 0;
            for (ServiceProcess process : processes) {
                rss += Memory.of(process.pid()).rssKib();
            }
            return new Stack(ready, cpu, rss);
        } finally {
            for (ServiceProcess process : processes) {
                pipeline.stop(process);
            }
        }
    }

    /**
     * User and system CPU time the process has used: unlike the seconds to ready, barely moved by other load on a
     * shared machine, so levers compare on it across runs.
     */
    private static double cpuSeconds(ServiceProcess process) {
        return ProcessHandle.of(process.pid())
                .flatMap(handle -> handle.info().totalCpuDuration())
                .map(cpu -> cpu.toNanos() / 1e9)
                .orElseThrow(() -> new IllegalStateException(process.name() + ": its CPU time cannot be read"));
    }

    /** Polls readiness until it answers UP; returns the seconds since {@code start} (a System.nanoTime). */
    private static double awaitReady(ServiceProcess process, long start) throws InterruptedException {
        return awaitReady(List.of(process), start).get(0);
    }

    /** Polls each one's readiness in turn until all answer UP; returns each one's seconds since {@code start}. */
    private static List<Double> awaitReady(List<ServiceProcess> processes, long start) throws InterruptedException {
        Double[] ready = new Double[processes.size()];
        long deadline = start + READY_WITHIN.toNanos();
        for (int waiting = ready.length; waiting > 0; Thread.sleep(POLL.toMillis())) {
            for (int i = 0; i < ready.length; i++) {
                ServiceProcess process = processes.get(i);
                if (ready[i] == null && process.ready()) {
                    ready[i] = (System.nanoTime() - start) / 1e9;
                    waiting--;
                } else if (ready[i] == null && !process.isAlive()) {
                    throw new IllegalStateException(process.name() + " exited; see " + process.log());
                }
            }
            if (waiting > 0 && System.nanoTime() > deadline) {
                throw new IllegalStateException("not all ready within " + READY_WITHIN + "; see "
                        + processes.get(0).log().getParent());
            }
        }
        return List.of(ready);
    }
}
