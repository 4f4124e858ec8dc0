package org.newsroom.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.newsroom.problem.DatabaseUnavailable;

/**
 * Tells a failure caused by the database being away (down, restarting, out of connections) from one a retry will
 * not cure. The exception alone is not enough: drivers, the pool and Hibernate wrap connection failures in many ways,
 * so when it does not say, the database is asked directly.
 */
@ApplicationScoped
class DatabaseOutage {
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    @Inject
    DataSource dataSource;

    boolean explains(Throwable failure) {
        return DatabaseUnavailable.isCause(failure) || !databaseAnswers();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("The database does not answer: %s", e.toString());
            return false;
        }
    }
}
