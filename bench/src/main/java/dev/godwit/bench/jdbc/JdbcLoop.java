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

/**
 * The lower bound of the benchmark: the least a migration runner can do and still be one. One connection; the history
 * table created if missing; one {@code SELECT} of the applied IDs; then, for each migration not applied, one
 * transaction holding its body and its history row. No lock, no re-read, no savepoint, no failure record, no
 * logging: what is left is the database work itself.
 */
public final class JdbcLoop {

    /** The history table of the loop. */
    public static final String TABLE = "jdbc_history";

    private JdbcLoop() {}

    /**
     * Applies every migration whose ID has no history row, in list order.
     *
     * @param url the JDBC URL of the database
     * @param migrations the migrations in the order they run
     * @throws SQLException if anything fails; the failing migration's transaction is rolled back
     */
    public static void migrate(String url, List<JdbcMigration> migrations) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
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
            for (JdbcMigration migration : migrations) {
                if (!applied.contains(migration.id())) {
                    apply(connection, migration);
                }
            }
        }
    }

    private static void apply(Connection connection, JdbcMigration migration) throws SQLException {
        Instant executedAt = Instant.now();
        long start = System.nanoTime();
        try {
            migration.body().migrate(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (id, executed_at, execution_time_ms) VALUES (?, ?, ?)")) {
                insert.setString(1, migration.id());
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
