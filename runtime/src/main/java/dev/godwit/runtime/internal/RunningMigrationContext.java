package dev.godwit.runtime.internal;

import dev.godwit.runtime.DatabaseKind;
import dev.godwit.runtime.MigrationContext;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;

/**
 * The context of one running migration.
 *
 * @param migrationId the migration ID
 * @param database the database it runs on
 * @param handle the handle of its transaction
 * @param jdbi the runner's {@code Jdbi}
 * @param logger the logger named after it
 * @param reportedProgress where its progress goes
 */
record RunningMigrationContext(
        String migrationId, DatabaseKind database, Handle handle, Jdbi jdbi, Logger logger, Progress reportedProgress)
        implements MigrationContext {

    @Override
    public void progress(long done, long total) {
        reportedProgress.report(done, total);
    }
}
