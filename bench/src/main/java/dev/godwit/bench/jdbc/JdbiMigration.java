package dev.godwit.bench.jdbc;

import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * One migration of the JDBI loop: an ID and a body on JDBI's {@code Handle}, as {@link JdbcMigration} is for the
 * JDBC loop.
 *
 * @param id the migration's ID, its key in the history table
 * @param body what it does, through a handle on the loop's connection, inside the loop's transaction
 */
public record JdbiMigration(String id, Body body) {

    /** The work of a migration. */
    @FunctionalInterface
    public interface Body {
        /**
         * Does the migration's work; the loop commits it together with its history row.
         *
         * @param handle a handle on the loop's connection, with auto-commit off
         */
        void migrate(Handle handle);
    }

    /**
     * Creates a migration.
     *
     * @param id the migration's ID
     * @param body what it does
     */
    public JdbiMigration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
    }
}
