package dev.godwit.runtime.internal;

import dev.godwit.runtime.DatabaseAccessException;
import dev.godwit.runtime.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.UnableToRestoreAutoCommitStateException;

/**
 * The one connection a run works on: plain JDBC for the runner's own statements and transactions, and a JDBI {@link
 * Handle} on the same connection for the migrations that ask for one.
 *
 * <p>Given a {@link DataSource}, the runner begins and commits its transactions itself and JDBI is started only when a
 * migration's body asks for a {@code Handle}: a run with nothing pending, and a run of SQL files and of migrations that
 * take a {@code Connection}, load no JDBI class (creating a {@code Jdbi} and its first statement load about 900
 * classes, half a second of a cold start). Given a {@link Jdbi}, the handle is opened at once, its connection serves
 * the runner's statements, and transactions go through that {@code Jdbi}'s transaction handler, as the user
 * configured it.
 */
abstract class RunnerConnection implements AutoCloseable {

    private static final String NOT_AUTO_COMMIT = " hands out connections that are already in a transaction"
            + " (auto-commit off). Godwit runs each migration in a transaction of its own: configure the data source or"
            + " pool to return connections in auto-commit mode.";

    /** Work done in a transaction; whatever it throws rolls the transaction back and goes on up. */
    @FunctionalInterface
    interface Transaction<T> {
        T run(Connection connection);
    }

    /**
     * A transaction could not begin, commit, roll back or end, or a connection could not be opened: the runner's
     * failure, not the work's. The caller names the migration.
     */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final Step step;

        Failure(Throwable cause, Step step) {
            super(cause.getMessage(), cause);
            this.step = step;
        }

        /** What failed. */
        Step step() {
            return step;
        }
    }

    /** The steps of a transaction, or of getting a connection, that can fail. */
    enum Step {
        /** Opening a connection. */
        OPEN,
        /** Beginning, or committing: through a {@code Jdbi}'s transaction handler, the two are not told apart. */
        BEGIN_OR_COMMIT,
        /** Rolling back: what the transaction did may still be pending on the connection. */
        ROLL_BACK,
        /** Returning to auto-commit mode after a rollback: nothing is committed. */
        END_AFTER_ROLLBACK,
        /** Returning to auto-commit mode after a commit: the transaction is committed. */
        END_AFTER_COMMIT
    }

    /**
     * Returns the connection, in auto-commit mode between the runner's transactions.
     *
     * @return the connection
     */
    abstract Connection connection();

    /**
     * Runs {@code work} in a transaction on {@link #connection()}: commits if it returns, rolls back if it throws.
     *
     * @param work the work, which must neither commit nor change the auto-commit mode
     * @return what the work returned
     * @throws Failure if the transaction could not begin, commit or roll back
     */
    abstract <T> T inTransaction(Transaction<T> work);

    /**
     * Rolls back the transaction that work outside the runner's transactions (a non-transactional migration) began on
     * {@link #connection()} and did not end, if there is one, and returns to auto-commit mode.
     *
     * @return whether there was such a transaction
     * @throws Failure if the mode cannot be read or the rollback fails
     */
    abstract boolean rollBackLeftOpen();

    /**
     * Returns a handle on {@link #connection()}, opening it on first use.
     *
     * @return the handle
     * @throws DatabaseAccessException if JDBI cannot open it
     */
    abstract Handle handle();

    /**
     * Readies {@link #handle()} for work in auto-commit mode, a non-transactional migration. Called outside any
     * transaction.
     *
     * @throws DatabaseAccessException if a handle that must be opened again cannot be closed
     */
    abstract void beforeAutoCommitWork();

    /**
     * Returns the {@code Jdbi} of migration contexts.
     *
     * @return the {@code Jdbi}
     */
    abstract Jdbi jdbi();

    /**
     * Opens a second connection of the same kind, in auto-commit mode.
     *
     * @return the connection
     * @throws Failure if it cannot be opened
     * @throws InvalidConfigurationException if it is in a transaction
     */
    abstract RunnerConnection openAnother();

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
        try {
            return FromJdbi.open(jdbi);
        } catch (Failure e) {
            throw cannotOpen("Jdbi", e);
        }
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
        try {
            return FromDataSource.open(dataSource);
        } catch (Failure e) {
            throw cannotOpen("DataSource", e);
        }
    }

    private static DatabaseAccessException cannotOpen(String given, Failure e) {
        return new DatabaseAccessException(
                "Could not open a connection through the " + given + " given to MigrationRunner: " + e.getMessage()
                        + ". Nothing has run.",
                e.getCause());
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

    /** The failure to throw: {@code first}, with {@code next} suppressed, or {@code next} if it is the first. */
    private static RuntimeException firstOf(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static DatabaseAccessException handleCloseFailed(Exception e) {
        return new DatabaseAccessException(
                "Could not close the JDBI handle on the runner's connection: " + e.getMessage(), e);
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
                throw new Failure(e, Step.OPEN);
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
        <T> T inTransaction(Transaction<T> work) {
            boolean[] returned = {false};
            try {
                return handle.inTransaction(transaction -> {
                    T result = work.run(transaction.getConnection());
                    returned[0] = true;
                    return result;
                });
            } catch (JdbiException e) {
                // What the work throws is Godwit's; a JdbiException is the handler's begin, commit or rollback, or,
                // after a commit, its return to auto-commit mode.
                throw new Failure(
                        e,
                        returned[0] && e instanceof UnableToRestoreAutoCommitStateException
                                ? Step.END_AFTER_COMMIT
                                : Step.BEGIN_OR_COMMIT);
            }
        }

        @Override
        boolean rollBackLeftOpen() {
            Connection connection = handle.getConnection();
            try {
                if (connection.getAutoCommit() && !handle.isInTransaction()) {
                    return false;
                }
                // On the connection first: a transaction begun through JDBC is one the handler does not know of, and
                // its rollback would only return to auto-commit mode, which commits. Then through the handle, so that
                // its handler knows the transaction has ended and begins the runner's next one.
                connection.rollback();
                handle.rollback();
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                return true;
            } catch (SQLException | JdbiException e) {
                throw new Failure(e, Step.ROLL_BACK);
            }
        }

        @Override
        Handle handle() {
            return handle;
        }

        @Override
        void beforeAutoCommitWork() {
            // The handle serves the whole run: it was opened outside any transaction.
        }

        @Override
        Jdbi jdbi() {
            return jdbi;
        }

        @Override
        RunnerConnection openAnother() {
            return open(jdbi);
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
     * A connection from the user's {@code DataSource}, whose transactions the runner begins and commits itself.
     * JDBI is started only when a migration asks for a handle, and the handle wraps the same connection, so that a
     * pool of one connection and an in-memory database work as they do with a {@code Jdbi}. Everything that names a
     * JDBI class beyond {@code Handle} and {@code Jdbi} is in {@link OnConnection}: the JVM loads the classes a method
     * catches or converts to when it loads the method's class.
     */
    private static final class FromDataSource extends RunnerConnection {
        private final DataSource dataSource;
        private final Connection connection;
        private OnConnection jdbi;
        private Handle handle;
        private boolean handleOpenedInTransaction;

        private FromDataSource(DataSource dataSource, Connection connection) {
            this.dataSource = dataSource;
            this.connection = connection;
        }

        static RunnerConnection open(DataSource dataSource) {
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                throw new Failure(e, Step.OPEN);
            }
            boolean autoCommit;
            try {
                autoCommit = connection.getAutoCommit();
            } catch (SQLException e) {
                closeQuietly(connection, e);
                throw new Failure(e, Step.OPEN);
            }
            if (!autoCommit) {
                closeQuietly(connection, null);
                throw new InvalidConfigurationException("The DataSource given to MigrationRunner" + NOT_AUTO_COMMIT);
            }
            return new FromDataSource(dataSource, connection);
        }

        @Override
        Connection connection() {
            return connection;
        }

        @Override
        <T> T inTransaction(Transaction<T> work) {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new Failure(e, Step.BEGIN_OR_COMMIT);
            }
            T result;
            try {
                result = work.run(connection);
            } catch (RuntimeException | Error e) {
                rollBack(e);
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                Failure failure = new Failure(e, Step.BEGIN_OR_COMMIT);
                rollBack(failure);
                throw failure;
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new Failure(e, Step.END_AFTER_COMMIT);
            }
            return result;
        }

        /**
         * Rolls back after {@code failure}, and returns to auto-commit mode; if either fails, the run ends with a
         * {@link Failure} that carries {@code failure}. If the rollback fails, the connection stays out of auto-commit
         * mode: returning to it would commit what the rollback did not undo.
         */
        private void rollBack(Throwable failure) {
            Step step = Step.ROLL_BACK;
            try {
                connection.rollback();
                step = Step.END_AFTER_ROLLBACK;
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                Failure ending = new Failure(e, step);
                ending.addSuppressed(failure);
                throw ending;
            }
        }

        @Override
        boolean rollBackLeftOpen() {
            try {
                if (connection.getAutoCommit()) {
                    return false;
                }
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new Failure(e, Step.ROLL_BACK);
            }
            // Its transaction handler may hold that the transaction is open: opened again on first use.
            try {
                closeHandle();
            } catch (DatabaseAccessException e) {
                throw new Failure(e, Step.END_AFTER_ROLLBACK);
            }
            return true;
        }

        @Override
        Handle handle() {
            if (handle == null) {
                try {
                    handleOpenedInTransaction = !connection.getAutoCommit();
                } catch (SQLException e) {
                    handleOpenedInTransaction = true;
                }
                handle = jdbiOnConnection().openOnRunnerConnection();
            }
            return handle;
        }

        /**
         * JDBI's transaction handler takes the auto-commit mode it finds when a handle opens as the mode to return to
         * after a transaction begun on the handle, and holds a handle opened inside a transaction to be in one until
         * it commits one itself. That is harmless inside the runner's transactions, where a transaction begun on the
         * handle joins the runner's; but work in auto-commit mode gets a handle opened outside any transaction.
         */
        @Override
        void beforeAutoCommitWork() {
            if (handleOpenedInTransaction) {
                closeHandle();
            }
        }

        private void closeHandle() {
            if (handle != null) {
                Handle closing = handle;
                handle = null;
                handleOpenedInTransaction = false;
                OnConnection.close(closing);
            }
        }

        @Override
        Jdbi jdbi() {
            return jdbiOnConnection().jdbi;
        }

        private OnConnection jdbiOnConnection() {
            if (jdbi == null) {
                jdbi = new OnConnection(dataSource, connection);
            }
            return jdbi;
        }

        @Override
        RunnerConnection openAnother() {
            return open(dataSource);
        }

        @Override
        public void close() {
            RuntimeException failure = null;
            try {
                // The runner ends its transactions; a run cut short may leave one open, which must not commit.
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                failure = closeFailed(e);
            }
            try {
                closeHandle();
            } catch (RuntimeException e) {
                failure = firstOf(failure, e);
            }
            try {
                connection.close();
            } catch (SQLException e) {
                failure = firstOf(failure, closeFailed(e));
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * JDBI beside a connection the runner holds: one {@code Jdbi} whose handles get connections of their own from the
     * data source, as they would from {@code Jdbi.create(dataSource)}, except the handles the runner opens for its
     * migrations, which wrap the runner's connection.
     */
    private static final class OnConnection implements ConnectionFactory {
        private final DataSource dataSource;
        private final Connection connection;
        private final Jdbi jdbi;
        private boolean openingOnRunnerConnection;

        OnConnection(DataSource dataSource, Connection connection) {
            this.dataSource = dataSource;
            this.connection = connection;
            this.jdbi = Jdbi.create(this);
        }

        synchronized Handle openOnRunnerConnection() {
            openingOnRunnerConnection = true;
            try {
                Handle handle = jdbi.open();
                // The runner ends the transactions on its connection. Closing a handle that JDBI believes to be
                // outside a transaction while the connection is in one would otherwise "end" it by returning to
                // auto-commit mode, which commits.
                handle.getConfig(Handles.class).setForceEndTransactions(false);
                return handle;
            } catch (JdbiException e) {
                throw new DatabaseAccessException(
                        "Could not open a JDBI handle on the runner's connection for the running migration: "
                                + e.getMessage(),
                        e);
            } finally {
                openingOnRunnerConnection = false;
            }
        }

        @Override
        public synchronized Connection openConnection() throws SQLException {
            return openingOnRunnerConnection ? connection : dataSource.getConnection();
        }

        @Override
        public void closeConnection(Connection closing) throws SQLException {
            // The runner closes its own, after the handle.
            if (closing != connection) {
                closing.close();
            }
        }

        static void close(Handle handle) {
            try {
                handle.close();
            } catch (JdbiException e) {
                // A CloseException: its statements or the factory failed. Not a transaction left open, which the
                // handle does not end (see openOnRunnerConnection) and the runner rolls back.
                throw handleCloseFailed(e);
            }
        }
    }
}
