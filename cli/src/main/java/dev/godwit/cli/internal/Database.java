package dev.godwit.cli.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@link DataSource} the runner is given, and a first connection that fails early with a message naming the
 * database. A {@code DataSource}, not a {@code Jdbi}: the runner then starts JDBI only for migrations that take a
 * {@code Handle}, so {@code status}, {@code plan} and a {@code migrate} with nothing pending stay JDBI-free.
 */
public final class Database {

    /** sqlite-jdbc's open flags: read-write, without {@code SQLITE_OPEN_CREATE}. */
    private static final String SQLITE_OPEN_EXISTING = "2";

    private Database() {}

    /**
     * Returns a {@code DataSource} that connects with these settings through {@link DriverManager}; it does not
     * connect yet.
     *
     * @param settings where to connect and as whom
     * @param create whether a missing SQLite file may be created; {@code false} for commands that only read, so that
     *     a mistyped path is an error instead of a new empty database
     * @return the {@code DataSource}
     */
    public static DataSource dataSource(ConnectionSettings settings, boolean create) {
        return new DriverManagerDataSource(settings.url().jdbcUrl(), properties(settings, create));
    }

    /**
     * Connects once and disconnects.
     *
     * @param settings where to connect and as whom
     * @param create as for {@link #dataSource}
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

    /** Every connection from {@code DriverManager}, with the same properties: what {@code Jdbi.create(url)} does. */
    private static final class DriverManagerDataSource implements DataSource {
        private final String url;
        private final Properties properties;
        private PrintWriter logWriter;
        private int loginTimeout;

        DriverManagerDataSource(String url, Properties properties) {
            this.url = url;
            this.properties = properties;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            Properties withUser = new Properties();
            withUser.putAll(properties);
            withUser.remove("user");
            withUser.remove("password");
            if (user != null) {
                withUser.setProperty("user", user);
            }
            if (password != null) {
                withUser.setProperty("password", password);
            }
            return DriverManager.getConnection(url, withUser);
        }

        @Override
        public PrintWriter getLogWriter() {
            return logWriter;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            this.logWriter = out;
        }

        @Override
        public void setLoginTimeout(int seconds) {
            this.loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("DriverManager connections log through their drivers");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("Not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
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
