package dev.godwit.bench.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The lower bound of the benchmark: the least a migration runner can do and still be one. One connection; the history
 * table created if missing; one {@code SELECT} of the applied IDs; then, for each migration not applied, one
 * transaction holding its body and its history row. No lock, no re-read, no savepoint, no failure record, no
 * logging: what is left is the database work itself.
 *
 * <p>The loop runs any kind of body through {@link Bodies}: JDBC bodies here, JDBI's {@code Handle} in {@link
 * JdbiLoop}, which is this very loop with JDBI for the bodies alone.
 */
public final class JdbcLoop {

    /** The history table of the loop, and of {@link JdbiLoop}. */
    public static final String TABLE = "jdbc_history";

    /**
     * How the loop runs the bodies of one kind of migration on its connection, for one run. Closed before the loop
     * closes its connection, whether the run succeeded or not.
     *
     * @param <M> the kind of migration
     */
    interface Bodies<M> extends AutoCloseable {

        /**
         * Runs the body of {@code migration}, inside the loop's transaction, which the loop commits together with the
         * history row (or rolls back if this throws).
         *
         * @param connection the loop's connection, with auto-commit off
         * @param migration the migration
         * @throws SQLException if the body fails
         */
        void run(Connection connection, M migration) throws SQLException;

        /**
         * Releases what running the bodies took; it must neither commit, roll back nor close the loop's connection.
         *
         * @throws SQLException if a resource cannot be released
         */
        @Override
        default void close() throws SQLException {}
    }

    private JdbcLoop() {}

    /**
     * Applies every migration whose ID has no history row, in list order.
     *
     * @param url the JDBC URL of the database
     * @param migrations the migrations in the order they run
     * @throws SQLException if anything fails; the failing migration's transaction is rolled back
     */
    public static void migrate(String url, List<JdbcMigration> migrations) throws SQLException {
        migrate(
                url,
                migrations,
                JdbcMigration::id,
                (connection, migration) -> migration.body().migrate(connection));
    }

    /**
     * The loop, for migrations of any kind: applies every migration whose ID has no history row, in list order.
     *
     * @param url the JDBC URL of the database
     * @param migrations the migrations in the order they run
     * @param id the ID of a migration, its key in the history table
     * @param bodies what runs their bodies; closed at the end of the run, before the connection
     * @throws SQLException if anything fails; the failing migration's transaction is rolled back
     */
    static <M> void migrate(String url, List<M> migrations, Function<? super M, String> id, Bodies<M> bodies)
            throws SQLException {
        // Resources close in reverse order: the bodies' resources before the connection they were taken on.
        try (Connection connection = DriverManager.getConnection(url);
                Bodies<M> running = bodies) {
            try (Statement statement = connection.createStatement()) {
                // Portable SQL, the same on PostgreSQL and SQLite.
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(255) NOT NULL PRIMARY KEY,"
                        + " executed_at VARCHAR(40) NOT NULL, execution_time_ms BIGINT NOT NULL)");
            }
            Set<String> applied = new HashSet<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM " + TABLE)) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            }
            connection.setAutoCommit(false);
            for (M migration : migrations) {
                String migrationId = id.apply(migration);
                if (!applied.contains(migrationId)) {
                    apply(connection, migrationId, migration, running);
                }
            }
        }
    }

    private static <M> void apply(Connection connection, String id, M migration, Bodies<M> bodies) throws SQLException {
        Instant executedAt = Instant.now();
        long start = System.nanoTime();
        try {
            bodies.run(connection, migration);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (id, executed_at, execution_time_ms) VALUES (?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, executedAt.toString());
                insert.setLong(3, (System.nanoTime() - start) / 1_000_000);
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }
}
