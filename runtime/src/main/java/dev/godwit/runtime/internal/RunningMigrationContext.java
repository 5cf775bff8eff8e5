package dev.godwit.runtime.internal;

import dev.godwit.runtime.DatabaseKind;
import dev.godwit.runtime.MigrationContext;
import java.sql.Connection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context of one running migration.
 *
 * @param migrationId the migration ID
 * @param database the database it runs on
 * @param connection the connection of its transaction
 * @param runner what opens a handle on that connection and makes the runner's {@code Jdbi}, on first use
 * @param reportedProgress where its progress goes
 */
record RunningMigrationContext(
        String migrationId,
        DatabaseKind database,
        Connection connection,
        RunnerConnection runner,
        Progress reportedProgress)
        implements MigrationContext {

    @Override
    public Handle handle() {
        // Given a DataSource, JDBI starts only for the migrations that ask for a handle. (Not a Supplier: making a
        // method reference that returns a Handle loads JDBI's classes.)
        return runner.handle();
    }

    @Override
    public Logger logger() {
        // Asked for, not made for every migration: most never log.
        return LoggerFactory.getLogger("dev.godwit.migration." + migrationId);
    }

    @Override
    public Jdbi jdbi() {
        // Given a DataSource, the runner creates a Jdbi only for the migrations that ask for one.
        return runner.jdbi();
    }

    @Override
    public void progress(long done, long total) {
        reportedProgress.report(done, total);
    }
}
