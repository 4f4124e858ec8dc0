package org.newsroom.ingest.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * The candidates lookup is planned at every call: a generic plan the server kept from an early, nearly empty table
 * would scan the whole band index once per band. What the server has prepared on a connection is in
 * {@code pg_prepared_statements}; a statement run as often through plain pgjdbc shows that the view sees it.
 */
@QuarkusTest
class FingerprintIndexPlanTest {
    private static final int RUNS = 8;

    @Inject
    FingerprintIndex index;

    @Inject
    EntityManager entityManager;

    @Test
    void theCandidatesLookupIsNeverPreparedOnTheServer() {
        long[] bands = {11L, 22L, 33L};
        long[] prepared = QuarkusTransaction.requiringNew().call(() -> {
            for (int run = 0; run < RUNS; run++) {
                index.candidates(bands, UUID.randomUUID(), Instant.EPOCH, 10);
            }
            for (int run = 0; run < RUNS; run++) {
                sentinel();
            }
            return new long[] {preparedLike("%FROM item_band WHERE band = q.band%"), preparedLike("%newsroom sentinel%")
            };
        });

        assertEquals(1, prepared[1], "the sentinel statement, run as often, is prepared on the server");
        assertEquals(0, prepared[0], "the candidates lookup must be planned at every call");
    }

    private void sentinel() {
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) /* newsroom sentinel */ FROM item_band WHERE band = ?")) {
                statement.setLong(1, 11L);
                statement.executeQuery().close();
            }
        });
    }

    private long preparedLike(String pattern) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE ?")) {
                count.setString(1, pattern);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
