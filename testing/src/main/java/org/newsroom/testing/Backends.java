package org.newsroom.testing;

/**
 * Where a pipeline's broker and PostgreSQL are. By default the environment's (as {@link Broker} and {@link Databases}
 * read it); a harness that runs its own broker and database cluster, so that stopping them disturbs nobody else,
 * names them explicitly.
 */
public record Backends(String bootstrapServers, String dbHost, String dbPort, String dbUser, String dbPassword) {

    public static Backends fromEnvironment() {
        return new Backends(
                Broker.bootstrapServers(), Databases.host(), Databases.port(), Databases.user(), Databases.password());
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database;
    }
}
