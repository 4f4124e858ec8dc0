package org.newsroom.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.newsroom.testing.Backends;
import org.newsroom.testing.Pipeline;

/**
 * Reads the services' databases directly, as the reconciliation's ground truth. A connection per query: the
 * database may have been restarted since the last one.
 */
final class Store {
    private final Backends backends;
    private final String pipeline;

    Store(Backends backends, String pipeline) {
        this.backends = backends;
        this.pipeline = pipeline;
    }

    /** Every row as strings, in column order. */
    List<String[]> rows(String service, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        backends.jdbcUrl(Pipeline.database(service, pipeline)),
                        backends.dbUser(),
                        backends.dbPassword());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    String[] row = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getString(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    long count(String service, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(rows(service, sql, parameters).get(0)[0]);
    }

    /**
     * Outbox rows not yet sent. A row the relay parked (it can never be sent, e.g. too large) is not backlog: it waits
     * for an operator, and is counted by {@link #parked}.
     */
    long backlog(String service) throws SQLException {
        return count(
                service,
                hasParking(service)
                        ? "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL"
                        : "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
    }

    long parked(String service) throws SQLException {
        return hasParking(service)
                ? count(service, "SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL")
                : 0;
    }

    private boolean hasParking(String service) throws SQLException {
        return count(
                        service,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'outbox_event'"
                                + " AND column_name = 'parked_at'")
                > 0;
    }
}
