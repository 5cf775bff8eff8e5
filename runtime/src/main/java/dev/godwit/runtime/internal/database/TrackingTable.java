package dev.godwit.runtime.internal.database;

import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.TrackingTableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking table: one row per migration that has been attempted, with its last outcome. Knows nothing of
 * locking; every method runs on the handle it is given, in whatever transaction that handle is in.
 */
public final class TrackingTable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final TrackingDialect dialect;
    private final TableName name;

    /**
     * Creates access to one tracking table.
     *
     * @param dialect the SQL of the database
     * @param name the table
     */
    public TrackingTable(TrackingDialect dialect, TableName name) {
        this.dialect = dialect;
        this.name = name;
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
     * Creates the table unless it exists. Safe when several processes do it at once.
     *
     * @param handle a connection in auto-commit mode
     * @return {@code true} if this call created the table
     * @throws TrackingTableException if the table does not exist and cannot be created
     */
    public boolean ensureExists(Handle handle) {
        if (exists(handle)) {
            return false;
        }
        try {
            handle.execute(dialect.createTable(name));
            return true;
        } catch (JdbiException e) {
            // Two PostgreSQL sessions running CREATE TABLE IF NOT EXISTS at once can both miss the other's
            // uncommitted table, and the later one then fails on the catalog's unique indexes (unique_violation
            // 23505 on pg_type, or duplicate_table 42P07) instead of doing nothing. The table is there: go on.
            if (exists(handle)) {
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
     * Reads every row, in one query.
     *
     * @param handle the connection
     * @return the rows by migration ID
     * @throws TrackingTableException if the table cannot be read or holds an unknown status
     */
    public Map<String, TrackingRow> readAll(Handle handle) {
        try {
            List<TrackingRow> rows =
                    handle.createQuery(dialect.selectAll(name)).map(this::row).list();
            Map<String, TrackingRow> byId = new LinkedHashMap<>();
            rows.forEach(row -> byId.put(row.id(), row));
            return byId;
        } catch (JdbiException e) {
            throw new TrackingTableException("Could not read the tracking table " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the row of one migration.
     *
     * @param handle the connection
     * @param id the migration ID
     * @return the row, if the migration has one
     * @throws TrackingTableException if the table cannot be read or the row holds an unknown status
     */
    public Optional<TrackingRow> read(Handle handle, String id) {
        try {
            return handle.createQuery(dialect.selectOne(name))
                    .bind("id", id)
                    .map(this::row)
                    .findOne();
        } catch (JdbiException e) {
            throw new TrackingTableException(
                    "Could not read the row of migration " + id + " from the tracking table " + name + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Binds a row's values to a claim ({@link TrackingDialect#claim}): {@code :id, :status, :executedAt,
     * :executionTimeMs, :error, :checksum}.
     *
     * @param statement the claim
     * @param row the values
     * @param <S> the statement's type
     * @return {@code statement}
     */
    public <S extends SqlStatement<S>> S bind(S statement, TrackingRow row) {
        return statement
                .bind("id", row.id())
                .bind("status", row.status().sql())
                .bind("executedAt", dialect.timestamp(row.executedAt()))
                .bind("executionTimeMs", row.executionTime().toMillis())
                .bind("error", row.error())
                .bind("checksum", row.checksum());
    }

    /**
     * Records the outcome of a migration in the row its transaction has claimed: status, duration and error.
     *
     * @param handle the connection, in the transaction that holds the claim
     * @param row the outcome
     * @throws TrackingTableException if the row cannot be written, or is not there
     */
    public void record(Handle handle, TrackingRow row) {
        int updated;
        try {
            updated = handle.createUpdate(dialect.record(name))
                    .bind("id", row.id())
                    .bind("status", row.status().sql())
                    .bind("executionTimeMs", row.executionTime().toMillis())
                    .bind("error", row.error())
                    .execute();
        } catch (JdbiException e) {
            throw new TrackingTableException(
                    "Could not record migration " + row.id() + " as "
                            + row.status().sql() + " in the tracking table "
                            + name + ": " + e.getMessage() + ". Its transaction is rolled back; it runs again on the"
                            + " next start.",
                    e);
        }
        if (updated != 1) {
            throw new TrackingTableException("Could not record migration " + row.id() + " as "
                    + row.status().sql() + " in the tracking table " + name + ": its claimed row is gone ("
                    + updated + " rows updated). Its transaction is rolled back; it runs again on the next start.");
        }
    }

    /**
     * Takes the database's write lock at the start of a transaction where SQLite would otherwise begin reading and
     * fail to upgrade to writing (SQLITE_BUSY without waiting); on PostgreSQL it changes and locks nothing.
     *
     * @param handle the connection, in a transaction that has run no statement yet
     * @throws JdbiException if the lock cannot be taken
     */
    public void beginWrite(Handle handle) {
        handle.execute("UPDATE " + name.sql() + " SET id = id WHERE 0 = 1");
    }

    /**
     * Replaces the recorded checksum of a migration that succeeded.
     *
     * @param handle the connection, in a transaction
     * @param id the migration ID
     * @param checksum the checksum to record
     * @return {@code true} if the migration has a {@code success} row, which now holds the checksum
     * @throws TrackingTableException if the row cannot be written
     */
    public boolean updateChecksum(Handle handle, String id, String checksum) {
        try {
            return handle.createUpdate(dialect.updateChecksum(name))
                            .bind("id", id)
                            .bind("checksum", checksum)
                            .execute()
                    == 1;
        } catch (JdbiException e) {
            throw new TrackingTableException(
                    "Could not record the checksum of migration " + id + " in the tracking table " + name + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Returns whether the table exists, without creating it.
     *
     * @param handle a connection
     * @return {@code true} if the table exists
     * @throws TrackingTableException if the catalog cannot be read
     */
    public boolean exists(Handle handle) {
        try {
            return dialect.exists(handle, name);
        } catch (JdbiException e) {
            throw new TrackingTableException(
                    "Could not check whether the tracking table " + name + " exists: " + e.getMessage(), e);
        }
    }

    private TrackingRow row(ResultSet resultSet, StatementContext context) throws SQLException {
        String id = resultSet.getString("id");
        String status = resultSet.getString("status");
        TrackingRow.Status parsed = TrackingRow.Status.fromSql(status);
        if (parsed == null) {
            throw new TrackingTableException("The tracking table " + name + " holds status '" + status
                    + "' for migration " + id + "; the runner writes only 'success' and 'failed'. Correct the row,"
                    + " or delete it to run the migration again.");
        }
        return new TrackingRow(
                id,
                parsed,
                dialect.timestamp(resultSet, "executed_at"),
                Duration.ofMillis(resultSet.getLong("execution_time_ms")),
                resultSet.getString("error"),
                resultSet.getString("checksum"));
    }
}
