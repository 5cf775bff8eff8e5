package dev.godwit.cli;

import dev.godwit.cli.internal.ExitCodes;
import dev.godwit.cli.internal.MigrationProgress;
import dev.godwit.runtime.MigrationReport;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code godwit migrate}: runs what is pending and prints a line per migration that ran, and a summary. */
@Command(
        name = "migrate",
        header = "Runs every pending migration.",
        description = {
            "Runs every pending migration, and every failed one again, in ID order, each in a transaction of its own"
                    + " with its tracking row. A failed migration is rolled back and recorded, and the run goes on.",
            "Prints a line per migration that ran (outcome, duration, ID) and a summary; on a terminal, also which"
                    + " migration is running and for how long."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_HELP,
            ExitCodes.MIGRATION_FAILED_HELP,
            ExitCodes.USAGE_HELP,
            ExitCodes.DATABASE_UNAVAILABLE_HELP
        })
final class MigrateCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    private HelpOption help = new HelpOption();

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Mixin
    private ApplicationOptions application = new ApplicationOptions();

    @Mixin
    private LockOptions lock = new LockOptions();

    MigrateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MigrationReport report;
        List<MigrationStatus> changed;
        try (Session session = Session.open(context, database, application, true);
                MigrationProgress progress = new MigrationProgress(context.out(), context.interactive())) {
            lock.applyTo(session.runner());
            MigrationRunner runner = session.runner().listener(progress).build();
            report = runner.runAll();
            // The runner warns about these in its log, which is off by default; a person must hear of them.
            changed = runner.status().stream()
                    .filter(status -> status.state() == MigrationState.CHANGED)
                    .collect(Collectors.toList());
        }
        for (MigrationStatus status : changed) {
            context.err()
                    .println("godwit: warning: " + status.id() + " ("
                            + status.source().orElse("?")
                            + ") has changed since it succeeded; it is not run again. Revert the change, or accept"
                            + " it with 'godwit accept-checksums " + status.id() + "'.");
        }
        if (report.results().isEmpty()) {
            context.err()
                    .println("godwit: warning: no migrations found on the class path; give the application's jars"
                            + " with --classpath.");
        }
        context.out().println(report.summary());
        List<MigrationResult> failed = report.failed();
        if (!failed.isEmpty()) {
            context.err()
                    .println("godwit: error: " + (failed.size() == 1 ? "1 migration" : failed.size() + " migrations")
                            + " failed: "
                            + failed.stream().map(MigrationResult::id).collect(Collectors.joining(", "))
                            + ". Each is recorded as failed and runs again on the next migrate.");
            return ExitCodes.MIGRATION_FAILED;
        }
        return ExitCodes.OK;
    }
}
