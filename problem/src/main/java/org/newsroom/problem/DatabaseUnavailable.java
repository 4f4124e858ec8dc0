package org.newsroom.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a failure means the database is away or overloaded (down, restarting, refusing connections, the pool out
 * of them): the one rule behind the APIs' 503 and the outbox's patience. Drivers, the pool and Hibernate wrap such
 * failures in many ways, so the whole cause chain is read.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    public static boolean isCause(Throwable failure) {
        return find(failure).isPresent();
    }

    /** The exception in the chain that says so, e.g. the driver's "too many clients", for a one-line log. */
    public static Optional<Throwable> find(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || (cause instanceof SQLException sql && says(sql))) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private static boolean says(SQLException sql) {
        String state = sql.getSQLState();
        return state == null ? poolTimedOut(sql) : unavailableState(state);
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (shutting down, cannot connect now), 53 (resources). */
    private static boolean unavailableState(String state) {
        return state.startsWith("08")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03")
                || state.startsWith("53");
    }

    /**
     * The pool (Agroal) gives up waiting for a connection with a plain {@link SQLException} that has no SQLSTATE,
     * no cause and no type of its own ("Sorry, acquisition timeout!" when all connections are in use, "Acquisition
     * timeout while waiting for new connection" when opening one takes too long), so its message is the only sign.
     */
    private static boolean poolTimedOut(SQLException sql) {
        String message = sql.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
