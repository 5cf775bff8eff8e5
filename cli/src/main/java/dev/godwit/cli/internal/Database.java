package dev.godwit.cli.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;

/** The {@link Jdbi} the runner is given, and a first connection that fails early with a message naming the database. */
public final class Database {

    /** sqlite-jdbc's open flags: read-write, without {@code SQLITE_OPEN_CREATE}. */
    private static final String SQLITE_OPEN_EXISTING = "2";

    private Database() {}

    /**
     * Returns a {@code Jdbi} that connects with these settings; it does not connect yet.
     *
     * @param settings where to connect and as whom
     * @param create whether a missing SQLite file may be created; {@code false} for commands that only read, so that
     *     a mistyped path is an error instead of a new empty database
     * @return the {@code Jdbi}
     */
    public static Jdbi jdbi(ConnectionSettings settings, boolean create) {
        String url = settings.url().jdbcUrl();
        Properties properties = properties(settings, create);
        return Jdbi.create(() -> DriverManager.getConnection(url, properties));
    }

    /**
     * Connects once and disconnects.
     *
     * @param settings where to connect and as whom
     * @param create as for {@link #jdbi}
     * @throws CliException a usage error if no JDBC driver takes the URL; a database-unavailable error if the
     *     connection fails
     */
    public static void check(ConnectionSettings settings, boolean create) {
        String url = settings.url().jdbcUrl();
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw CliException.usage(
                    "No JDBC driver on the class path accepts " + settings.describe()
                            + ". Godwit supports PostgreSQL (jdbc:postgresql://...) and SQLite (jdbc:sqlite:...).",
                    e);
        }
        try (Connection connection = DriverManager.getConnection(url, properties(settings, create))) {
            connection.getMetaData();
        } catch (SQLException e) {
            String hint = settings.url().isSqlite() && !create
                    ? " This command does not create a database: check the path, or run migrate first."
                    : "";
            throw CliException.unavailable(
                    "Could not connect to " + settings.describe() + ": " + Failures.firstLine(e.getMessage()) + hint,
                    e);
        }
    }

    private static Properties properties(ConnectionSettings settings, boolean create) {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        if (settings.url().isSqlite() && !create) {
            properties.setProperty("open_mode", SQLITE_OPEN_EXISTING);
        }
        if (settings.url().isPostgresql()) {
            // Shows in pg_stat_activity; a parameter in the URL takes precedence.
            properties.setProperty("ApplicationName", "godwit");
        }
        return properties;
    }
}
