package org.newsroom.outbox;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The broker's answers to one batch of sends, one per row, collected until all arrived or the deadline passed. Unlike
 * a fail-fast join, one refused record does not hide that its neighbours were acknowledged.
 */
final class Deliveries {
    private final List<CompletableFuture<Void>> sends;

    private Deliveries(List<CompletableFuture<Void>> sends) {
        this.sends = sends;
    }

    static Deliveries await(List<Uni<Void>> sends, Duration deadline) {
        Deliveries deliveries = new Deliveries(sends.stream()
                .map(send -> send.subscribeAsCompletionStage().toCompletableFuture())
                .toList());
        try {
            CompletableFuture.allOf(deliveries.sends.toArray(CompletableFuture[]::new))
                    .get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException someFailedOrAreLate) {
            // each send's own outcome is read below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return deliveries;
    }

    /** Why send {@code i} was not acknowledged, or null if it was. */
    Throwable failure(int i) {
        CompletableFuture<Void> send = sends.get(i);
        if (!send.isDone()) {
            return new TimeoutException("no acknowledgement within the send timeout");
        }
        try {
            send.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    boolean allAcknowledged() {
        for (int i = 0; i < sends.size(); i++) {
            if (failure(i) != null) {
                return false;
            }
        }
        return true;
    }
}
