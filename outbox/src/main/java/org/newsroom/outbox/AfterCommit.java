package org.newsroom.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current transaction has committed, and never if it rolls back: for what must not happen
 * on behalf of a change that did not (waking the relay, sending a mail, counting in a metric).
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Must be called inside a transaction. */
    public void run(Runnable action) {
        transactions.registerInterposedSynchronization(new OnCommit(action));
    }

    private record OnCommit(Runnable action) implements Synchronization {
        @Override
        public void beforeCompletion() {
            // the outcome is not known yet
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        }
    }
}
