package dev.godwit.runtime.internal;

import dev.godwit.runtime.DatabaseAccessException;
import dev.godwit.runtime.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The one connection a run works on: plain JDBC for the runner's own statements, and a JDBI {@link Handle} on the
 * same connection once a migration runs.
 *
 * <p>Given a {@link DataSource}, a run with nothing pending never touches JDBI: JDBI's start-up (creating a {@code
 * Jdbi} and its first statement load about 900 classes, half a second of a cold start) is paid only when a migration's
 * body needs a {@code Handle}. Given a {@link Jdbi}, the handle is opened at once and its connection serves the
 * runner's statements.
 */
abstract class RunnerConnection implements AutoCloseable {

    private static final String NOT_AUTO_COMMIT = " hands out connections that are already in a transaction"
            + " (auto-commit off). Godwit runs each migration in a transaction of its own: configure the data source or"
            + " pool to return connections in auto-commit mode.";

    /**
     * Returns the connection, in auto-commit mode between the runner's transactions.
     *
     * @return the connection
     */
    abstract Connection connection();

    /**
     * Returns a handle on {@link #connection()}, opening it on first use.
     *
     * @return the handle
     * @throws DatabaseAccessException if JDBI cannot open it
     */
    abstract Handle handle();

    /**
     * Returns the {@code Jdbi} of migration contexts and of second connections.
     *
     * @return the {@code Jdbi}
     */
    abstract Jdbi jdbi();

    @Override
    public abstract void close();

    /**
     * Opens a handle from a {@code Jdbi}.
     *
     * @param jdbi what the user gave
     * @return the connection
     * @throws DatabaseAccessException if no connection can be opened
     * @throws InvalidConfigurationException if the connection is in a transaction
     */
    static RunnerConnection open(Jdbi jdbi) {
        return FromJdbi.open(jdbi);
    }

    /**
     * Opens a connection from a {@code DataSource}.
     *
     * @param dataSource what the user gave
     * @return the connection
     * @throws DatabaseAccessException if no connection can be opened
     * @throws InvalidConfigurationException if the connection is in a transaction
     */
    static RunnerConnection open(DataSource dataSource) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseAccessException(
                    "Could not open a connection through the DataSource given to MigrationRunner: " + e.getMessage()
                            + ". Nothing has run.",
                    e);
        }
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new DatabaseAccessException(
                    "Could not read the auto-commit mode of the DataSource's connection: " + e.getMessage()
                            + ". Nothing has run.",
                    e);
        }
        if (!autoCommit) {
            closeQuietly(connection, null);
            throw new InvalidConfigurationException("The DataSource given to MigrationRunner" + NOT_AUTO_COMMIT);
        }
        return new FromDataSource(dataSource, connection);
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static DatabaseAccessException closeFailed(Exception e) {
        return new DatabaseAccessException("Could not close the runner's connection: " + e.getMessage(), e);
    }

    /** A handle opened from the user's {@code Jdbi}, with that {@code Jdbi}'s configuration. */
    private static final class FromJdbi extends RunnerConnection {
        private final Jdbi jdbi;
        private final Handle handle;

        private FromJdbi(Jdbi jdbi, Handle handle) {
            this.jdbi = jdbi;
            this.handle = handle;
        }

        /** Declared to return the base type, so that loading the base class does not load this one. */
        static RunnerConnection open(Jdbi jdbi) {
            Handle handle;
            try {
                handle = jdbi.open();
            } catch (JdbiException e) {
                throw new DatabaseAccessException(
                        "Could not open a connection through the Jdbi given to MigrationRunner: " + e.getMessage()
                                + ". Nothing has run.",
                        e);
            }
            if (handle.isInTransaction()) {
                handle.close();
                throw new InvalidConfigurationException("The Jdbi given to MigrationRunner" + NOT_AUTO_COMMIT);
            }
            return new FromJdbi(jdbi, handle);
        }

        @Override
        Connection connection() {
            return handle.getConnection();
        }

        @Override
        Handle handle() {
            return handle;
        }

        @Override
        Jdbi jdbi() {
            return jdbi;
        }

        @Override
        public void close() {
            try {
                handle.close();
            } catch (JdbiException e) {
                // CloseException, or a TransactionException for a transaction a migration left open.
                throw closeFailed(e);
            }
        }
    }

    /**
     * A connection from the user's {@code DataSource}; JDBI is started only when a migration runs. The handle wraps the
     * same connection, so that a pool of one connection and an in-memory database work as they do with a {@code Jdbi}.
     * Everything that names a JDBI class beyond {@code Handle} and {@code Jdbi} is in {@link OnConnection}: the JVM
     * loads the classes a method catches or converts to when it loads the method's class, and a start with nothing
     * pending loads no JDBI class at all.
     */
    private static final class FromDataSource extends RunnerConnection {
        private final DataSource dataSource;
        private final Connection connection;
        private Jdbi jdbi;
        private Handle handle;

        FromDataSource(DataSource dataSource, Connection connection) {
            this.dataSource = dataSource;
            this.connection = connection;
        }

        @Override
        Connection connection() {
            return connection;
        }

        @Override
        Handle handle() {
            if (handle == null) {
                handle = OnConnection.open(dataSource, connection);
            }
            return handle;
        }

        @Override
        Jdbi jdbi() {
            if (jdbi == null) {
                jdbi = Jdbi.create(dataSource);
            }
            return jdbi;
        }

        @Override
        public void close() {
            RuntimeException failure = null;
            if (handle != null) {
                try {
                    OnConnection.close(handle);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            try {
                connection.close();
            } catch (SQLException e) {
                DatabaseAccessException closing = closeFailed(e);
                if (failure == null) {
                    failure = closing;
                } else {
                    failure.addSuppressed(closing);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** JDBI on a connection the runner holds. */
    private static final class OnConnection {

        private OnConnection() {}

        /**
         * A handle on the runner's connection, from a {@code Jdbi} whose later handles ({@code handle.getJdbi()})
         * get connections of their own from the data source, as they would from the user's {@code Jdbi}.
         */
        static Handle open(DataSource dataSource, Connection connection) {
            try {
                return Jdbi.create(new ConnectionFactory() {
                            private boolean handedOut;

                            @Override
                            public synchronized Connection openConnection() throws SQLException {
                                if (handedOut) {
                                    return dataSource.getConnection();
                                }
                                handedOut = true;
                                return connection;
                            }

                            @Override
                            public void closeConnection(Connection closing) throws SQLException {
                                // The runner closes its own, after the handle.
                                if (closing != connection) {
                                    closing.close();
                                }
                            }
                        })
                        .open();
            } catch (JdbiException e) {
                throw new DatabaseAccessException(
                        "Could not open a JDBI handle on the runner's connection for the first pending migration: "
                                + e.getMessage() + ". Nothing more has run; the pending migrations run on the next"
                                + " start.",
                        e);
            }
        }

        static void close(Handle handle) {
            try {
                handle.close();
            } catch (JdbiException e) {
                // CloseException, or a TransactionException for a transaction a migration left open.
                throw closeFailed(e);
            }
        }
    }
}
