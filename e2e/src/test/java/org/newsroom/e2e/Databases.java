package org.newsroom.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh databases for one end-to-end run, on the real PostgreSQL server the services use. */
final class Databases {
    private Databases() {
    }

    static String host() {
        return env("NEWSROOM_DB_HOST", "127.0.0.1");
    }

    static String port() {
        return env("NEWSROOM_DB_PORT", "5432");
    }

    static String user() {
        return env("NEWSROOM_DB_USER", "postgres");
    }

    static String password() {
        return env("NEWSROOM_DB_PASSWORD", "");
    }

    static void recreate(String... names) throws SQLException {
        String url = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user(), password());
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
