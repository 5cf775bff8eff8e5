/**
 * Everything that differs between databases, one small interface per concern: {@link
 * dev.godwit.runtime.internal.database.TrackingDialect} (the tracking table's SQL) and {@link
 * dev.godwit.runtime.internal.database.MigrationClaim} (keeping two runners apart), each with a PostgreSQL and an SQLite
 * implementation, chosen by {@link dev.godwit.runtime.internal.database.DatabaseSupport}.
 *
 * <p>Flyway keeps its schema history apart from its locking, and so did Godwit, with a transaction-scoped lock
 * statement before each migration. Here the migration's own tracking row is the lock: the first statement of its
 * transaction claims the row ({@code INSERT ... ON CONFLICT DO UPDATE ... WHERE status <> 'success' RETURNING}), and a
 * concurrent claim waits for that transaction and then sees its outcome. The claim writes the row as a success, which
 * no one sees unless the transaction commits, so the lock costs no statement: BEGIN, claim, body, COMMIT. What remains
 * apart is the SQL of the table (which rows a claim may take is decided in one place, {@link
 * dev.godwit.runtime.internal.database.TrackingDialect#claimCondition()}) and what is specific to waiting on each
 * database (isolation, lock timeout, who holds the lock), in {@code MigrationClaim}.
 *
 * <p>Not API: no compatibility guarantees. Classes here are public only so that the runner can use them; they may
 * change or disappear in any release.
 */
package dev.godwit.runtime.internal.database;
