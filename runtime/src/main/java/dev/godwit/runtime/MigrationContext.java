package dev.godwit.runtime;

import java.sql.Connection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;

/**
 * What a running migration may know about itself and its surroundings. A {@code @Migration} method receives it by
 * declaring a parameter of this type, alone or beside a {@link Handle}:
 *
 * <pre>{@code
 * @Migration("v4_reindex_titles")
 * static void reindexTitles(Handle handle, MigrationContext context) {
 *   context.logger().info("Reindexing on {}", context.database());
 *   ...
 * }
 * }</pre>
 */
public interface MigrationContext {

    /**
     * Returns the ID of the running migration.
     *
     * @return the migration ID
     */
    String migrationId();

    /**
     * Returns the kind of database the migration runs on, for migrations that need database-specific SQL.
     *
     * @return the database kind
     */
    DatabaseKind database();

    /**
     * Returns the handle whose transaction the migration runs in; the same one a {@code Handle} parameter gets.
     *
     * @return the migration's handle
     */
    Handle handle();

    /**
     * Returns the JDBC connection the migration runs on; the same one a {@code Connection} parameter gets, and the one
     * under {@link #handle()}. Never close it. In a transactional migration the runner commits or rolls back: do not
     * commit, roll back or change the auto-commit mode. A non-transactional migration gets it in auto-commit mode and
     * may run transactions of its own, but must end each (commit or roll back, then turn auto-commit back on): one left
     * open is rolled back, and the migration fails.
     *
     * <p>The runner's context answers without starting JDBI; the default asks the handle, so that test doubles of
     * this interface need not implement it.
     *
     * @return the migration's connection
     */
    default Connection connection() {
        return handle().getConnection();
    }

    /**
     * Returns the {@link Jdbi} the runner was given (one over the {@code DataSource}, with JDBI's defaults, for a
     * runner given a {@code DataSource}), for work that must happen outside the migration's own transaction. Work done through it is
     * not rolled back when the migration fails.
     *
     * <p>On SQLite the migration's transaction holds the database's write lock while it runs, so a write through
     * another connection waits for the migration to end and fails when its busy timeout expires.
     *
     * @return the runner's {@code Jdbi}
     */
    Jdbi jdbi();

    /**
     * Returns a logger named after the migration ({@code dev.godwit.migration.<id>}).
     *
     * @return the migration's logger
     */
    Logger logger();

    /**
     * Reports how far a long migration has got, such as a backfill that works in batches:
     *
     * <pre>{@code
     * long total = handle.select("SELECT count(*) FROM books").mapTo(Long.class).one();
     * for (long done = 0; done < total; ) {
     *   done += handle.execute("UPDATE books SET ... WHERE id IN (SELECT id FROM books WHERE ... LIMIT 1000)");
     *   context.progress(done, total);
     * }
     * }</pre>
     *
     * <p>The runner logs it at INFO on its own logger, with the migration's ID and the percentage, at most once
     * every {@value dev.godwit.runtime.internal.Progress#LOG_INTERVAL_SECONDS} seconds, besides the first report
     * and the one that reaches {@code total}; and passes every report on to the {@linkplain
     * MigrationListener#progress listeners} (the command line shows it). Call it as often as is convenient.
     *
     * <p>The runner's context implements it; the default does nothing, so that test doubles of this interface need
     * not.
     *
     * @param done how much of the work is done, in any unit (rows, batches), at least 0
     * @param total how much work there is in all, in the same unit, at least 0
     * @throws IllegalArgumentException if {@code done} or {@code total} is negative
     */
    default void progress(long done, long total) {}
}
