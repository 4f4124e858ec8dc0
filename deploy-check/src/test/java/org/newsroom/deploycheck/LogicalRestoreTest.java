package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The logical half of docs/operations.md ("Backups"): one service database, migrated by the service's own Flyway
 * locations (its db/migration and the outbox module's db/outbox, as the shared config combines them), with rows in it,
 * survives {@code pg_dump -Fc} and {@code pg_restore} into a fresh database: same tables, same rows, same checksum.
 * Runs against the local PostgreSQL; the point-in-time restore from an object store is not rehearsed here.
 */
class LogicalRestoreTest {

    private static final String HOST = System.getenv().getOrDefault("NEWSROOM_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("NEWSROOM_DB_PORT", "5432");
    private static final String USER = "postgres";
    private static final String PREFIX = System.getenv().getOrDefault("NEWSROOM_TEST_DB_NAME", "newsroom_deploycheck");
    private static final String SOURCE = PREFIX + "_restore_source";
    private static final String TARGET = PREFIX + "_restore_target";

    private Path dump;

    @BeforeEach
    void freshDatabases() throws Exception {
        assumeTrue(
                onPath("pg_dump") && onPath("pg_restore"),
                "pg_dump/pg_restore not installed: the logical restore rehearsal needs PostgreSQL's client tools");
        dropAndCreate(SOURCE);
        dropAndCreate(TARGET);
        dump = Files.createTempFile("newsroom-editorial", ".dump");
    }

    @AfterEach
    void dropDatabases() throws Exception {
        if (dump != null) {
            Files.deleteIfExists(dump);
            drop(SOURCE);
            drop(TARGET);
        }
    }

    @Test
    void aServiceDatabaseSurvivesDumpAndRestore() throws Exception {
        Flyway.configure()
                .dataSource(url(SOURCE), USER, "")
                .locations(
                        "filesystem:" + Repository.ROOT.resolve("editorial-service/src/main/resources/db/migration"),
                        "filesystem:" + Repository.ROOT.resolve("outbox/src/main/resources/db/outbox"))
                .outOfOrder(true)
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url(SOURCE), USER, "")) {
            insertOutboxAndInboxRows(db);
        }

        run("pg_dump", "-h", HOST, "-p", PORT, "-U", USER, "-Fc", "-f", dump.toString(), SOURCE);
        run("pg_restore", "-h", HOST, "-p", PORT, "-U", USER, "--exit-on-error", "-d", TARGET, dump.toString());

        Map<String, String> before = contents(SOURCE);
        Map<String, String> after = contents(TARGET);
        assertFalse(before.isEmpty());
        assertEquals(before.keySet(), after.keySet(), "the same tables");
        assertEquals(before, after, "the same rows in every table (count and checksum)");
        assertEquals("3 rows", before.get("public.outbox_event").split(",")[0]);
        assertEquals("2 rows", before.get("public.inbox_event").split(",")[0]);
    }

    /** What a restore must bring back exactly: events not yet relayed, and which events were already applied. */
    private static void insertOutboxAndInboxRows(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO outbox_event (id, type, topic, aggregate_id, payload, created_at, sent_at)"
                    + " VALUES (gen_random_uuid(), 'StoryApproved', 'news.editorial', 's-1', '{\"v\":1}', now(), now()),"
                    + " (gen_random_uuid(), 'StoryApproved', 'news.editorial', 's-2', '{\"v\":2}', now(), NULL),"
                    + " (gen_random_uuid(), 'StoryRejected', 'news.editorial', 's-3', '{\"v\":3}', now(), NULL)");
            sql.executeUpdate("INSERT INTO inbox_event (consumer, event_id, type, processed_at)"
                    + " VALUES ('items', 'e-1', 'ItemIngested', now()), ('publications', 'e-2', 'Published', now())");
        }
    }

    /** Per table: its row count and an md5 of its rows in a stable order. */
    private static Map<String, String> contents(String database) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(url(database), USER, "")) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables"
                            + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                try (PreparedStatement query = db.prepareStatement("SELECT count(*) || ' rows,' ||"
                                + " coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM " + table
                                + " t");
                        ResultSet rs = query.executeQuery()) {
                    rs.next();
                    tables.put(table, rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static void dropAndCreate(String database) throws SQLException {
        drop(database);
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
    }

    private static void drop(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
