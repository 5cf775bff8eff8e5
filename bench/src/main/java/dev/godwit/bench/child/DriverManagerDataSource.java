package dev.godwit.bench.child;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@code DataSource} that opens every connection as the loops open theirs, {@code DriverManager.getConnection(url)},
 * and adds nothing of its own, as an application's pool hands out a connection in microseconds.
 *
 * <p>Not the drivers' own {@code DataSource}s: PostgreSQL's {@code PGSimpleDataSource} builds a URL from every one of
 * its properties at each {@code getConnection} and the driver parses it again, which in a warm JVM took 2 ms more per
 * connection than {@code DriverManager} (medians of six JVMs: 8.2 ms against 6.2 ms), a fifth of the JDBC loop's
 * whole start with nothing pending; SQLite's took 0.15 ms more. That is the harness's cost, not the runner's, and the
 * loops do not pay it.
 */
final class DriverManagerDataSource implements DataSource {

    private final String url;
    private PrintWriter logWriter;
    private int loginTimeout;

    DriverManagerDataSource(String url) {
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("DriverManagerDataSource does not log through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("DriverManagerDataSource does not wrap a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
