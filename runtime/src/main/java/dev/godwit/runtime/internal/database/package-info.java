/**
 * Everything that differs between databases, one small interface per concern, as Flyway keeps its schema history
 * apart from its locking: {@link dev.godwit.runtime.internal.database.TrackingDialect} (the tracking table's SQL)
 * and {@link dev.godwit.runtime.internal.database.MigrationLock} (keeping two runners apart), each with a PostgreSQL
 * and an SQLite implementation, chosen by {@link dev.godwit.runtime.internal.database.DatabaseSupport}.
 *
 * <p>Not API: no compatibility guarantees. Classes here are public only so that the runner can use them; they may
 * change or disappear in any release.
 */
package dev.godwit.runtime.internal.database;
