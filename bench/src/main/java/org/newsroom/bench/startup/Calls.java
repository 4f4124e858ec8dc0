package org.newsroom.bench.startup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.newsroom.testing.Pipeline;

/** What the warm-ups share: a request that must succeed, and waiting for a service's table to fill. */
final class Calls {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration CONSUMED_WITHIN = Duration.ofSeconds(120);

    private Calls() {}

    /** Sends the request; fails unless it answers 2xx. */
    static void send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url));
    }

    /** The service's database in the pipeline named {@code pipeline}. */
    static Connection database(Pipeline pipeline, String service, String name) throws SQLException {
        return DriverManager.getConnection(
                pipeline.backends().jdbcUrl(Pipeline.database(service, name)),
                pipeline.backends().dbUser(),
                pipeline.backends().dbPassword());
    }

    static long count(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits until {@code table} holds {@code rows} rows: what was produced to the service has been consumed. */
    static void awaitRows(Connection db, String table, long rows) throws Exception {
        long deadline = System.nanoTime() + CONSUMED_WITHIN.toNanos();
        while (count(db, table) < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(table + " not at " + rows + " rows within " + CONSUMED_WITHIN);
            }
            Thread.sleep(100);
        }
    }
}
