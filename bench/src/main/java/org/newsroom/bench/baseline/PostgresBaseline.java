package org.newsroom.bench.baseline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsroom.testing.Backends;
import org.newsroom.testing.Databases;

/**
 * What PostgreSQL alone does on this machine: inserts of rows shaped as the services' outbox rows (an id, an
 * aggregate id, the event's JSON, a time) into a database of its own, through the JDBC driver the services use, with
 * its defaults (synchronous commit, no rewriting of batches).
 */
public final class PostgresBaseline {
    private static final String INSERT = "INSERT INTO baseline_row (id, aggregate_id, payload) VALUES (?, ?, ?)";

    private final Backends backends;
    private final String database;
    private final String payload;

    /** @param payload what each row carries: the pipeline's event, so that a row is as large as an outbox row */
    public PostgresBaseline(Backends backends, String database, String payload) {
        this.backends = backends;
        this.database = database;
        this.payload = payload;
    }

    /** A fresh database with the one table. */
    public void create() throws SQLException {
        Databases.recreate(backends, database);
        try (Connection db = connect();
                Statement statement = db.createStatement()) {
            statement.execute("""
                    CREATE TABLE baseline_row (
                        id           UUID PRIMARY KEY,
                        aggregate_id UUID NOT NULL,
                        payload      TEXT NOT NULL,
                        created_at   TIMESTAMPTZ NOT NULL DEFAULT now())""");
        }
    }

    /** {@code rows} inserts on each of {@code connections} connections, each insert its own commit; @return rows/s */
    public double singleRowCommits(int connections, int rows) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(pool.submit(() -> insert(rows, 1)));
            }
            for (Future<?> connection : done) {
                connection.get();
            }
            return (double) connections * rows / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** {@code rows} inserts on one connection as JDBC batches of {@code batch}, one commit each; @return rows/s */
    public double batches(int rows, int batch) throws SQLException {
        long start = System.nanoTime();
        insert(rows, batch);
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private Void insert(int rows, int batch) throws SQLException {
        try (Connection db = connect();
                PreparedStatement insert = db.prepareStatement(INSERT)) {
            db.setAutoCommit(batch == 1);
            for (int row = 1; row <= rows; row++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, payload);
                if (batch == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                    if (row % batch == 0 || row == rows) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
            }
        }
        return null;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(backends.jdbcUrl(database), backends.dbUser(), backends.dbPassword());
    }
}
