package org.newsroom.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.SQLGrammarException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** The failures that mean "the database is away or overloaded", as the pool, the driver and Hibernate raise them. */
class DatabaseUnavailableTest {

    /** An error as PostgreSQL sends it (severity, SQLSTATE, message), parsed by the driver. */
    private static PSQLException server(String state, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0C" + state + "\0M" + message + "\0"));
    }

    private static Named<Throwable> named(String name, Throwable failure) {
        return Named.of(name, failure);
    }

    static Stream<Named<Throwable>> unavailable() {
        return Stream.of(
                named(
                        "Agroal: every connection in use until the acquisition timeout",
                        new PersistenceException(new GenericJDBCException(
                                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")))),
                named(
                        "Agroal: opening a new connection outlasted the acquisition timeout",
                        new SQLException(
                                "Acquisition timeout while waiting for new connection", new TimeoutException())),
                named(
                        "53300 too many clients",
                        new GenericJDBCException(
                                "Unable to acquire JDBC Connection",
                                server("53300", "sorry, too many clients already"))),
                named("53200 out of memory", server("53200", "out of memory")),
                named(
                        "08001 connection refused, in Hibernate's JDBCConnectionException",
                        new JDBCConnectionException(
                                "Unable to acquire JDBC Connection",
                                new PSQLException(
                                        "Connection to 127.0.0.1:5432 refused.",
                                        PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                                        new ConnectException("Connection refused")))),
                named(
                        "08006 connection lost mid-request",
                        new PSQLException(
                                "An I/O error occurred while sending to the backend.",
                                PSQLState.CONNECTION_FAILURE,
                                new EOFException())),
                named(
                        "57P01 administrator shutdown",
                        server("57P01", "terminating connection due to administrator command")),
                named(
                        "57P02 crash shutdown",
                        server("57P02", "terminating connection because of crash of another server process")),
                named("57P03 cannot connect now", server("57P03", "the database system is starting up")),
                named(
                        "SQLTransientException",
                        new SQLTransientConnectionException("connection attempt timed out", "HY000")),
                named("SQLRecoverableException", new SQLRecoverableException("connection reset", "HY000")),
                named(
                        "deep in the cause chain",
                        new IllegalStateException(new RuntimeException(new PersistenceException(
                                new JDBCConnectionException("could not execute statement", server("08P01", "x")))))));
    }

    static Stream<Named<Throwable>> other() {
        Exception first = new IllegalStateException("first");
        Exception second = new IllegalArgumentException("second", first);
        first.initCause(second);
        return Stream.of(
                named(
                        "23505 unique violation",
                        new PersistenceException(new ConstraintViolationException(
                                "could not execute statement",
                                server("23505", "duplicate key value violates unique constraint \"story_item_id\""),
                                "story_item_id"))),
                named(
                        "42601 syntax error",
                        new SQLGrammarException(
                                "could not prepare statement", server("42601", "syntax error at or near \"SELEC\""))),
                named("57014 statement timeout", server("57014", "canceling statement due to statement timeout")),
                named("an SQLException without SQLSTATE about something else", new SQLException("Unknown column")),
                named("not a database failure", new IllegalStateException("boom", new NullPointerException())),
                named("a cause chain that loops", second));
    }

    @ParameterizedTest
    @MethodSource("unavailable")
    void theseMeanTheDatabaseIsUnavailable(Throwable failure) {
        assertTrue(DatabaseUnavailable.isCause(failure));
    }

    @ParameterizedTest
    @MethodSource("other")
    void theseAreOtherFailures(Throwable failure) {
        assertFalse(DatabaseUnavailable.isCause(failure));
    }

    @Test
    void findNamesTheExceptionThatSaysSo() {
        PSQLException tooMany = server("53300", "sorry, too many clients already");
        assertSame(
                tooMany,
                DatabaseUnavailable.find(new GenericJDBCException("Unable to acquire", tooMany))
                        .get());
    }

    @Test
    void theApisAnswer503WithRetryAfterNot500() {
        ProblemMappers mappers = new ProblemMappers();
        Response away = mappers.unexpected(new GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")));
        assertEquals(503, away.getStatus());
        assertEquals("5", away.getHeaderString(HttpHeaders.RETRY_AFTER));
        Problem body = (Problem) away.getEntity();
        assertEquals(503, body.status());
        assertTrue(body.detail().contains("temporarily unable to reach its database"), body.detail());

        Response bug = mappers.unexpected(new IllegalStateException("boom"));
        assertEquals(500, bug.getStatus());
        assertEquals(null, bug.getHeaderString(HttpHeaders.RETRY_AFTER));
    }
}
