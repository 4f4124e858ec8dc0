package org.newsroom.ingest.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.newsroom.ingest.domain.Fingerprint;
import org.postgresql.PGStatement;

/**
 * The near-duplicate index in PostgreSQL: fingerprints and their LSH bands. Plain JDBC on the transaction's own
 * connection, because the lookups are {@code bigint[]} operations that JPQL cannot express.
 */
@ApplicationScoped
public class FingerprintIndex {

    @Inject
    EntityManager entityManager;

    /** An indexed item that shares at least one band with the story looked up. */
    public record Candidate(UUID itemId, UUID clusterId, Fingerprint fingerprint) {}

    /**
     * Items ingested since {@code since} sharing at least one band, those sharing the most first, at most
     * {@code limit}: one btree lookup per band, then each candidate's fingerprint by primary key.
     *
     * <p>The per-band subquery (with its own limit, which also caps a band that boilerplate copy made crowded) is
     * planned as a nested loop of index lookups for a table of any size; {@code band = ANY(…)} alone is planned as a
     * scan of the whole index table when the planner guesses from defaults. The statement is planned at every call,
     * never prepared on the server: from its fifth run pgjdbc would prepare it, and PostgreSQL may then keep one
     * generic plan made while the table was nearly empty, a full scan of it per band, until the next ANALYZE (the
     * feed benchmark found lookups of 1.3 s instead of 0.35 ms that way).
     */
    public List<Candidate> candidates(long[] bands, UUID excluded, Instant since, int limit) {
        if (bands.length == 0) {
            return List.of();
        }
        return work(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT f.item_id, i.cluster_id, f.features, f.names
                    FROM (SELECT b.item_id, count(*) AS shared
                          FROM unnest(?::bigint[]) AS q(band)
                          CROSS JOIN LATERAL (SELECT item_id FROM item_band WHERE band = q.band LIMIT ?) b
                          WHERE b.item_id <> ? GROUP BY b.item_id) h
                    JOIN item_fingerprint f ON f.item_id = h.item_id
                    JOIN item i ON i.id = h.item_id
                    WHERE f.ingested_at >= ?
                    ORDER BY h.shared DESC, f.ingested_at
                    LIMIT ?""")) {
                query.unwrap(PGStatement.class).setPrepareThreshold(0);
                query.setArray(1, longs(connection, bands));
                query.setInt(2, limit);
                query.setObject(3, excluded);
                query.setTimestamp(4, Timestamp.from(since));
                query.setInt(5, limit);
                List<Candidate> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Candidate(
                                rows.getObject(1, UUID.class),
                                rows.getObject(2, UUID.class),
                                Fingerprint.stored(longs(rows.getArray(3)), longs(rows.getArray(4)))));
                    }
                }
                return found;
            }
        });
    }

    /**
     * Holds the bands until the transaction ends, so that two near-duplicates taken in at the same time meet: the
     * second waits for the first to commit, then finds it. Stories that share no band never wait for each other;
     * locks are taken in band order, so two intakes cannot deadlock on them.
     */
    public void lock(long[] bands) {
        work(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(b) FROM unnest(?::bigint[]) AS b ORDER BY b")) {
                lock.setArray(
                        1,
                        longs(
                                connection,
                                Arrays.stream(bands).distinct().sorted().toArray()));
                lock.executeQuery().close();
            }
            return null;
        });
    }

    /**
     * Indexes an item taken in for the first time (its row must be flushed): its fingerprint and its bands in one
     * statement. A new item has nothing indexed yet, so nothing is taken out.
     */
    public void add(UUID itemId, Fingerprint fingerprint, long[] bands, Instant ingestedAt) {
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH fingerprint AS (
                        INSERT INTO item_fingerprint (item_id, features, names, bands, ingested_at)
                        VALUES (?, ?, ?, ?, ?))
                    INSERT INTO item_band (band, item_id) SELECT DISTINCT unnest(?::bigint[]), ?
                    ON CONFLICT DO NOTHING""")) {
                bindFingerprint(connection, insert, 1, itemId, fingerprint, bands, ingestedAt);
                insert.setArray(6, longs(connection, bands));
                insert.setObject(7, itemId);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Re-indexes a new version of an item in one statement: the bands it no longer has are taken out, its fingerprint
     * replaced, its new bands added. Every part of the statement sees the rows as they were before it, so the old
     * bands are read from the fingerprint being replaced; a band the item keeps is neither deleted nor inserted, so
     * no row is touched twice.
     */
    public void replace(UUID itemId, Fingerprint fingerprint, long[] bands, Instant ingestedAt) {
        work(connection -> {
            try (PreparedStatement replace = connection.prepareStatement("""
                    WITH fingerprint AS (
                        INSERT INTO item_fingerprint (item_id, features, names, bands, ingested_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (item_id) DO UPDATE SET features = excluded.features, names = excluded.names,
                            bands = excluded.bands),
                    dropped AS (
                        DELETE FROM item_band WHERE item_id = ?
                        AND band = ANY((SELECT bands FROM item_fingerprint WHERE item_id = ?)::bigint[])
                        AND band <> ALL(?::bigint[]))
                    INSERT INTO item_band (band, item_id) SELECT DISTINCT unnest(?::bigint[]), ?
                    ON CONFLICT DO NOTHING""")) {
                bindFingerprint(connection, replace, 1, itemId, fingerprint, bands, ingestedAt);
                replace.setObject(6, itemId);
                replace.setObject(7, itemId);
                replace.setArray(8, longs(connection, bands));
                replace.setArray(9, longs(connection, bands));
                replace.setObject(10, itemId);
                replace.executeUpdate();
            }
            return null;
        });
    }

    private static void bindFingerprint(
            Connection connection,
            PreparedStatement statement,
            int first,
            UUID itemId,
            Fingerprint fingerprint,
            long[] bands,
            Instant ingestedAt)
            throws SQLException {
        statement.setObject(first, itemId);
        statement.setArray(first + 1, longs(connection, fingerprint.features()));
        statement.setArray(first + 2, longs(connection, fingerprint.names()));
        statement.setArray(first + 3, longs(connection, bands));
        statement.setTimestamp(first + 4, Timestamp.from(ingestedAt));
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }

    private static Array longs(Connection connection, long[] values) throws SQLException {
        return connection.createArrayOf("bigint", Arrays.stream(values).boxed().toArray());
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }
}
