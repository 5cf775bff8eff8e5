package dev.godwit.bench.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * One migration of the hand-written loop: an ID and a body, as an application without a migration library would
 * list them.
 *
 * @param id the migration's ID, its key in the history table
 * @param body what it does, on the loop's connection, inside the loop's transaction
 */
public record JdbcMigration(String id, Body body) {

    /** The work of a migration. */
    @FunctionalInterface
    public interface Body {
        /**
         * Does the migration's work; the loop commits it together with its history row.
         *
         * @param connection the loop's connection, with auto-commit off
         * @throws SQLException if the work fails
         */
        void migrate(Connection connection) throws SQLException;
    }

    /**
     * Creates a migration.
     *
     * @param id the migration's ID
     * @param body what it does
     */
    public JdbcMigration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
    }
}
