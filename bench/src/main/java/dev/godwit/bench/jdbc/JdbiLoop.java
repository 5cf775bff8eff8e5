package dev.godwit.bench.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * The lower bound for migrations written on JDBI's {@code Handle}: {@link JdbcLoop}, unchanged in everything it does
 * itself (its connection, history table, transactions and history rows, all plain JDBC), with bodies that take a
 * {@code Handle} on the loop's connection. What it costs over the JDBC loop is JDBI alone: starting it, and running the
 * bodies through it.
 *
 * <p>JDBI starts when the first body runs, as Godwit starts it when given a {@code DataSource}: a run with nothing
 * pending loads two JDBI classes, {@code Handle} and its interface {@code Configurable}, which creating the lambdas
 * that take a {@code Handle} loads, where a run that starts JDBI loads some 500. The handle then serves every body of
 * the run and is closed before the loop closes its connection.
 */
public final class JdbiLoop {

    private JdbiLoop() {}

    /**
     * Applies every migration whose ID has no history row in {@link JdbcLoop#TABLE}, in list order.
     *
     * @param url the JDBC URL of the database
     * @param migrations the migrations in the order they run
     * @throws SQLException if anything fails; the failing migration's transaction is rolled back
     */
    public static void migrate(String url, List<JdbiMigration> migrations) throws SQLException {
        JdbcLoop.migrate(url, migrations, JdbiMigration::id, new HandleBodies());
    }

    /**
     * Opens a handle on {@code connection} that leaves the connection's transactions and its closing to whoever holds
     * it: closing the handle neither commits, rolls back nor closes the connection.
     *
     * @param connection a connection with auto-commit off
     * @return the handle
     */
    static Handle open(Connection connection) {
        // Jdbi.create(Connection), unlike Jdbi.open(Connection), gives its handles a connection factory that does not
        // close the connection when they close.
        Handle handle = Jdbi.create(connection).open();
        // Closing a handle that JDBI holds to be in a transaction (auto-commit off) rolls the transaction back,
        // unless this is off. The loop ends its transactions itself, as Godwit's runner does with the same setting.
        // JDBI 3.55 already exempts a handle opened with auto-commit off, as this one is; the setting keeps the loop
        // from depending on that.
        handle.getConfig(Handles.class).setForceEndTransactions(false);
        return handle;
    }

    /** The bodies of one run, on one handle opened when the first of them runs. */
    private static final class HandleBodies implements JdbcLoop.Bodies<JdbiMigration> {

        private Handle handle;

        @Override
        public void run(Connection connection, JdbiMigration migration) {
            if (handle == null) {
                handle = open(connection);
            }
            migration.body().migrate(handle);
        }

        @Override
        public void close() {
            if (handle != null) {
                handle.close();
            }
        }
    }
}
