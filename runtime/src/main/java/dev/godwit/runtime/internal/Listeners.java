package dev.godwit.runtime.internal;

import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationListener;
import dev.godwit.runtime.MigrationReport;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationRunner;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The run's listeners, called in order of registration; what one throws is logged and goes no further. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final List<MigrationListener> listeners;

    Listeners(List<MigrationListener> listeners) {
        this.listeners = listeners;
    }

    void beforeMigration(MigrationDefinition migration) {
        call("beforeMigration", migration.id(), listener -> listener.beforeMigration(migration));
    }

    void afterMigration(MigrationResult result) {
        call("afterMigration", result.id(), listener -> listener.afterMigration(result));
    }

    void progress(MigrationDefinition migration, long done, long total) {
        call("progress", migration.id(), listener -> listener.progress(migration, done, total));
    }

    void afterRun(MigrationReport report) {
        call("afterRun", null, listener -> listener.afterRun(report));
    }

    private void call(String method, String migrationId, Consumer<MigrationListener> call) {
        for (MigrationListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // A listener shows progress or counts things; its bug must not fail a migration or stop the run.
                LOG.warn(
                        "Migration listener {} threw from {}{}; ignored",
                        listener.getClass().getName(),
                        method,
                        migrationId == null ? "" : " for migration " + migrationId,
                        e);
            }
        }
    }
}
