package dev.godwit.runtime.internal.database;

import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.TrackingTableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking table: one row per migration that has been attempted, with its last outcome. Knows nothing of
 * locking; every method runs on the connection it is given, in whatever transaction that connection is in, through
 * plain JDBC (see {@link NamedSql} for why).
 */
public final class TrackingTable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final TrackingDialect dialect;
    private final TableName name;
    private final NamedSql selectOne;
    private final NamedSql updateChecksum;

    /**
     * Creates access to one tracking table.
     *
     * @param dialect the SQL of the database
     * @param name the table
     */
    public TrackingTable(TrackingDialect dialect, TableName name) {
        this.dialect = dialect;
        this.name = name;
        this.selectOne = NamedSql.of(dialect.selectOne(name));
        this.updateChecksum = NamedSql.of(dialect.updateChecksum(name));
    }

    /**
     * Returns the table's name.
     *
     * @return the name
     */
    public TableName name() {
        return name;
    }

    /**
     * Creates the table, which {@link #readAllIfExists} found missing. Safe when several processes do it at once.
     *
     * @param connection a connection in auto-commit mode
     * @return {@code false} if the statement failed because another runner created the table at the same time;
     *     {@code true} if it went through (which, as {@code IF NOT EXISTS}, it also does when another runner had
     *     created the table just before)
     * @throws TrackingTableException if the table does not exist and cannot be created
     */
    public boolean create(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.createTable(name));
            return true;
        } catch (SQLException e) {
            // Two PostgreSQL sessions running CREATE TABLE IF NOT EXISTS at once can both miss the other's
            // uncommitted table, and the later one then fails on the catalog's unique indexes (unique_violation
            // 23505 on pg_type, or duplicate_table 42P07) instead of doing nothing. The table is there: go on.
            if (exists(connection)) {
                LOG.debug("Another runner created the tracking table {} at the same time: {}", name, e.getMessage());
                return false;
            }
            throw new TrackingTableException(
                    "Could not create the tracking table " + name + ": " + e.getMessage()
                            + ". Grant the CREATE privilege, create the table by hand, or choose another table with"
                            + " MigrationRunner.Builder.table(String).",
                    e);
        }
    }

    /**
     * Reads every row, in one query (on SQLite, in a second one if the first does not give exactly the rows).
     *
     * @param connection the connection
     * @return the rows by migration ID
     * @throws TrackingTableException if the table cannot be read or holds an unknown status
     */
    public Map<String, TrackingRow> readAll(Connection connection) {
        try {
            return dialect.readAll(connection, name, this::row);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * Reads every row as {@link #readAll} does, or returns {@code null} if the table does not exist. The catalog is
     * not asked first: every start but the first finds the table, and reading it straight away saves that start a
     * statement (on PostgreSQL a round trip to the server). Only when the read fails is the catalog asked, which
     * tells a missing table from any other failure without parsing the driver's message; if the table is there, it
     * is read once more, as another runner may have created it since.
     *
     * @param connection a connection in auto-commit mode: on PostgreSQL, a failed read would abort a transaction
     * @return the rows by migration ID, or {@code null} if there is no table
     * @throws TrackingTableException if the table exists but cannot be read, or holds an unknown status
     */
    public Map<String, TrackingRow> readAllIfExists(Connection connection) {
        try {
            return dialect.readAll(connection, name, this::row);
        } catch (SQLException e) {
            try {
                if (!dialect.exists(connection, name)) {
                    return null;
                }
            } catch (SQLException checking) {
                // Neither question could be answered: the read's failure is the one to report.
                e.addSuppressed(checking);
                throw readFailure(e);
            }
            // Another runner may have created the table since the read: once more, then the failure is the table's.
            try {
                return readAll(connection);
            } catch (TrackingTableException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    private TrackingTableException readFailure(SQLException e) {
        return new TrackingTableException(
                "Could not read the tracking table " + name + ": " + e.getMessage() + ". Grant SELECT on it; if it is"
                        + " not Godwit's tracking table, choose another with MigrationRunner.Builder.table(String).",
                e);
    }

    /**
     * Reads the row of one migration.
     *
     * @param connection the connection
     * @param id the migration ID
     * @return the row, if the migration has one
     * @throws TrackingTableException if the table cannot be read or the row holds an unknown status
     */
    public Optional<TrackingRow> read(Connection connection, String id) {
        try {
            return selectOne.query(connection, Map.of("id", id), this::row).stream()
                    .findFirst();
        } catch (SQLException e) {
            throw new TrackingTableException(
                    "Could not read the row of migration " + id + " from the tracking table " + name + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Returns a row's values by the names of a claim ({@link TrackingDialect#claim}): {@code id, status,
     * executedAt, executionTimeMs, error, checksum}, to which the claim adds its own.
     *
     * @param row the values
     * @return a modifiable map of the values
     */
    public Map<String, Object> values(TrackingRow row) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", row.id());
        values.put("status", row.status().sql());
        values.put("executedAt", dialect.timestamp(row.executedAt()));
        values.put("executionTimeMs", row.executionTime().toMillis());
        values.put("error", row.error());
        values.put("checksum", row.checksum());
        return values;
    }

    /**
     * Writes the durations of migrations that succeeded into the rows their claims wrote, in as few statements as the
     * database allows ({@link TrackingDialect#recordDurations}). A row that another runner has written since is left
     * alone.
     *
     * @param connection the connection, in a transaction
     * @param rows the successes, with their durations
     * @throws TrackingTableException if the rows cannot be written
     */
    public void recordDurations(Connection connection, List<TrackingRow> rows) {
        try {
            dialect.recordDurations(connection, name, rows);
        } catch (SQLException e) {
            throw new TrackingTableException(
                    "Could not record the durations of " + rows.size() + " migrations in the tracking table " + name
                            + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Takes the database's write lock at the start of a transaction where SQLite would otherwise begin reading and
     * fail to upgrade to writing (SQLITE_BUSY without waiting); on PostgreSQL it changes and locks nothing.
     *
     * @param connection the connection, in a transaction that has run no statement yet
     * @throws SQLException if the lock cannot be taken
     */
    public void beginWrite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + name.sql() + " SET id = id WHERE 0 = 1");
        }
    }

    /**
     * Replaces the recorded checksum of a migration that succeeded.
     *
     * @param connection the connection, in a transaction
     * @param id the migration ID
     * @param checksum the checksum to record
     * @return {@code true} if the migration has a {@code success} row, which now holds the checksum
     * @throws TrackingTableException if the row cannot be written
     */
    public boolean updateChecksum(Connection connection, String id, String checksum) {
        try {
            return updateChecksum.update(connection, Map.of("id", id, "checksum", checksum)) == 1;
        } catch (SQLException e) {
            throw new TrackingTableException(
                    "Could not record the checksum of migration " + id + " in the tracking table " + name + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Returns whether the table exists, without creating it.
     *
     * @param connection a connection
     * @return {@code true} if the table exists
     * @throws TrackingTableException if the catalog cannot be read
     */
    public boolean exists(Connection connection) {
        try {
            return dialect.exists(connection, name);
        } catch (SQLException e) {
            throw new TrackingTableException(
                    "Could not check whether the tracking table " + name + " exists: " + e.getMessage(), e);
        }
    }

    /** Reads a row selected as {@link TrackingDialect#selectAll}. */
    private TrackingRow row(ResultSet resultSet) throws SQLException {
        return dialect.readRow(resultSet, this::row);
    }

    private TrackingRow row(
            String id, String status, Instant executedAt, long executionTimeMs, String error, String checksum) {
        TrackingRow.Status parsed = TrackingRow.Status.fromSql(status);
        if (parsed == null) {
            throw new TrackingTableException("The tracking table " + name + " holds status '" + status
                    + "' for migration " + id + "; the runner writes only 'success' and 'failed'. Correct the row,"
                    + " or delete it to run the migration again.");
        }
        if (executedAt == null) {
            throw new TrackingTableException("The tracking table " + name + " has no executed_at for migration " + id
                    + ". Set it to when the migration ran, or delete the row to run the migration again.");
        }
        return new TrackingRow(id, parsed, executedAt, Duration.ofMillis(executionTimeMs), error, checksum);
    }
}
