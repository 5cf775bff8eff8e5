package dev.godwit.runtime.internal;

import dev.godwit.runtime.DatabaseKind;
import dev.godwit.runtime.MigrationContext;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context of one running migration.
 *
 * @param migrationId the migration ID
 * @param database the database it runs on
 * @param handle the handle of its transaction
 * @param jdbiSource the runner's {@code Jdbi}, made on first use
 * @param reportedProgress where its progress goes
 */
record RunningMigrationContext(
        String migrationId, DatabaseKind database, Handle handle, Supplier<Jdbi> jdbiSource, Progress reportedProgress)
        implements MigrationContext {

    @Override
    public Logger logger() {
        // Asked for, not made for every migration: most never log.
        return LoggerFactory.getLogger("dev.godwit.migration." + migrationId);
    }

    @Override
    public Jdbi jdbi() {
        // Given a DataSource, the runner creates a Jdbi only for the migrations that ask for one.
        return jdbiSource.get();
    }

    @Override
    public void progress(long done, long total) {
        reportedProgress.report(done, total);
    }
}
