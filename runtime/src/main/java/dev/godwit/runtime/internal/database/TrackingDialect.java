package dev.godwit.runtime.internal.database;

import dev.godwit.MigrationIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the tracking table on one database: its DDL with that database's natural types, the check for its
 * existence, and how timestamps are stored. The queries, the claim and the updates are standard SQL that PostgreSQL and
 * SQLite (3.35 and newer) both accept; a database that differs overrides them.
 *
 * <p>Every statement names the table through {@link TableName#sql()}, which holds only checked identifiers.
 */
public interface TrackingDialect {

    /** The length of the {@code id} column where the database has one: the longest valid ID. */
    int ID_LENGTH = MigrationIds.MAX_LENGTH;

    /**
     * Returns whether the table exists, by a catalog query that needs no privilege on the table and takes no lock.
     * The runner creates the table only when this says it is missing, so that a start needs no {@code CREATE}
     * privilege once the table exists.
     *
     * @param connection the connection, in auto-commit mode
     * @param table the table
     * @return {@code true} if the table exists
     * @throws SQLException if the catalog cannot be read
     */
    boolean exists(Connection connection, TableName table) throws SQLException;

    /**
     * Returns the {@code CREATE TABLE IF NOT EXISTS} statement of the tracking table.
     *
     * @param table the table
     * @return the DDL
     */
    String createTable(TableName table);

    /** The length of the {@code checksum} column where the database has one: a SHA-256 in hex. */
    int CHECKSUM_LENGTH = 64;

    /**
     * Returns the query for every row, selecting {@code id, status, executed_at, execution_time_ms, error,
     * checksum} in this order, which is how the rows are read.
     *
     * @param table the table
     * @return the query
     */
    default String selectAll(TableName table) {
        return "SELECT id, status, " + selectExecutedAt() + ", execution_time_ms, error, checksum FROM " + table.sql();
    }

    /**
     * Makes a row of the tracking table from its columns' values as {@link #readAll} reads them, checking what the
     * database does not, such as the status.
     */
    @FunctionalInterface
    interface RowFactory {
        /**
         * Makes one row.
         *
         * @param id the {@code id} column
         * @param status the {@code status} column, as stored
         * @param executedAt the {@code executed_at} column
         * @param executionTimeMs the {@code execution_time_ms} column
         * @param error the {@code error} column, or {@code null}
         * @param checksum the {@code checksum} column, or {@code null}
         * @return the row
         */
        TrackingRow row(
                String id, String status, Instant executedAt, long executionTimeMs, String error, String checksum);
    }

    /**
     * Reads every row of the table. This default reads them in one query, column by column, through {@link
     * #selectAll}.
     *
     * @param connection the connection
     * @param table the table
     * @param rows makes each row
     * @return the rows by ID, in the table's order
     * @throws SQLException if the table cannot be read
     */
    default Map<String, TrackingRow> readAll(Connection connection, TableName table, RowFactory rows)
            throws SQLException {
        Map<String, TrackingRow> read = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(selectAll(table));
                ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                TrackingRow row = readRow(resultSet, rows);
                read.put(row.id(), row);
            }
        }
        return read;
    }

    /**
     * Reads the row a result set is on, selected as {@link #selectAll} selects it.
     *
     * @param resultSet the result set, on a row
     * @param rows makes the row
     * @return the row
     * @throws SQLException if the driver cannot read it
     */
    default TrackingRow readRow(ResultSet resultSet, RowFactory rows) throws SQLException {
        return rows.row(
                resultSet.getString(1),
                resultSet.getString(2),
                timestamp(resultSet, 3),
                resultSet.getLong(4),
                resultSet.getString(5),
                resultSet.getString(6));
    }

    /**
     * Returns the expression that {@link #selectAll} reads {@code executed_at} with, for {@link #timestamp(ResultSet,
     * int)}.
     *
     * @return the expression
     */
    default String selectExecutedAt() {
        return "executed_at";
    }

    /**
     * Returns the query for one row, with the ID bound as {@code :id}, selecting the columns of {@link #selectAll}.
     *
     * @param table the table
     * @return the query
     */
    default String selectOne(TableName table) {
        return selectAll(table) + " WHERE id = :id";
    }

    /** The alias of the tracking table in the claim, by which {@link #claimCondition()} names the row. */
    String CLAIM_ALIAS = "godwit_row";

    /**
     * Returns the condition under which a claim takes a migration's existing row: the one place that decides which
     * rows may be claimed, naming the row as {@link #CLAIM_ALIAS}. A row that records a success is not claimed, so
     * a migration that succeeded is never run again — unless {@code :rerunSucceeded} is bound true, as for an active
     * interval migration ({@code @Migration(runUntil = ...)}), which runs at every start until its threshold.
     *
     * @return an SQL condition on {@code godwit_row}
     */
    default String claimCondition() {
        return "(" + CLAIM_ALIAS + ".status <> 'success' OR :rerunSucceeded)";
    }

    /**
     * Returns the claim: the upsert that writes one row with {@code :id, :status, :executedAt, :executionTimeMs,
     * :error, :checksum} bound, replacing an existing row only under {@link #claimCondition()}, and returns a row if
     * and only if it wrote one. PostgreSQL (9.5) and SQLite (3.35, for {@code RETURNING}) agree on this form.
     *
     * @param table the table
     * @return the claim
     */
    default String claim(TableName table) {
        return "INSERT INTO " + table.sql() + " AS " + CLAIM_ALIAS + " (" + COLUMNS + ")"
                + " VALUES (:id, :status, " + executedAt(":executedAt") + ", :executionTimeMs, :error, :checksum)"
                + onConflictClaim()
                + " RETURNING id";
    }

    /**
     * Returns the {@code ON CONFLICT} clause of the claim, with a leading space.
     *
     * @return the clause
     */
    default String onConflictClaim() {
        return " ON CONFLICT (id) DO UPDATE SET status = excluded.status, executed_at = excluded.executed_at,"
                + " execution_time_ms = excluded.execution_time_ms, error = excluded.error,"
                + " checksum = excluded.checksum WHERE " + claimCondition();
    }

    /** The columns of the tracking table, in the order the claim writes them. */
    String COLUMNS = "id, status, executed_at, execution_time_ms, error, checksum";

    /**
     * Writes the durations of migrations that succeeded, into the rows their claims wrote with a duration of zero,
     * in as few statements as the database allows; a row that no longer records that success (another runner has
     * written it since) is left alone. This default runs one {@code UPDATE} per row, in a JDBC batch.
     *
     * @param connection the connection, in a transaction
     * @param table the table
     * @param rows the successes, with their durations
     * @throws SQLException if the rows cannot be written
     */
    default void recordDurations(Connection connection, TableName table, List<TrackingRow> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.sql()
                + " SET execution_time_ms = ? WHERE id = ? AND status = 'success' AND executed_at = "
                + executedAt("?"))) {
            for (TrackingRow row : rows) {
                update.setLong(1, row.executionTime().toMillis());
                update.setString(2, row.id());
                update.setObject(3, timestamp(row.executedAt()));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Returns the statement that replaces the checksum of a succeeded migration's row, with {@code :id} and
     * {@code :checksum} bound.
     *
     * @param table the table
     * @return the update
     */
    default String updateChecksum(TableName table) {
        return "UPDATE " + table.sql() + " SET checksum = :checksum WHERE id = :id AND status = 'success'";
    }

    /**
     * Returns the value to bind for a timestamp in {@code executed_at}, for
     * {@link java.sql.PreparedStatement#setObject}: the parameter of {@link #executedAt(String)}.
     *
     * @param instant the timestamp, to the millisecond
     * @return the value
     */
    Object timestamp(Instant instant);

    /**
     * Returns the SQL expression that turns a parameter bound to {@link #timestamp(Instant)} into a value of
     * {@code executed_at}; by default the parameter itself.
     *
     * @param parameter the parameter, {@code ?} or a name such as {@code :executedAt}
     * @return the expression
     */
    default String executedAt(String parameter) {
        return parameter;
    }

    /**
     * Reads a timestamp stored in {@code executed_at}, as {@link #selectExecutedAt()} selects it.
     *
     * @param resultSet the result set, on a row
     * @param column the column's index
     * @return the timestamp, or {@code null} if the column is {@code NULL} (in a table made without the runner's {@code
     *     NOT NULL}), which {@link RowFactory} reports
     * @throws SQLException if the driver cannot read it
     */
    Instant timestamp(ResultSet resultSet, int column) throws SQLException;
}
