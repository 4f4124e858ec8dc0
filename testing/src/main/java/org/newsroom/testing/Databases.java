package org.newsroom.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh databases for one end-to-end run, on the real PostgreSQL server the services use. */
public final class Databases {
    private Databases() {}

    public static String host() {
        return env("NEWSROOM_DB_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("NEWSROOM_DB_PORT", "5432");
    }

    public static String user() {
        return env("NEWSROOM_DB_USER", "postgres");
    }

    public static String password() {
        return env("NEWSROOM_DB_PASSWORD", "");
    }

    public static void recreate(String... names) throws SQLException {
        recreate(Backends.fromEnvironment(), names);
    }

    public static void recreate(Backends backends, String... names) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        backends.jdbcUrl("postgres"), backends.dbUser(), backends.dbPassword());
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
