package org.newsroom.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Failures that sending the same record again can never cure: the record itself is wrong for this broker. Anything
 * else (broker down, leader moving, timeouts, authorisation being fixed) may pass, so the row is retried instead.
 */
final class Unsendable {
    private Unsendable() {}

    static boolean isPermanent(Throwable failure) {
        return permanentCause(failure) != null;
    }

    /** The producer's own words for why the record can never be sent, for the parked row and the log. */
    static String reason(Throwable failure) {
        Throwable cause = permanentCause(failure);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable permanentCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof SerializationException
                    || cause instanceof InvalidRecordException) {
                return cause;
            }
        }
        return null;
    }
}
