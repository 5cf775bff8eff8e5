package dev.godwit.cli;

import dev.godwit.cli.internal.ExitCodes;
import dev.godwit.cli.internal.StatusFormat;
import dev.godwit.runtime.MigrationStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code godwit status}: where every migration stands. */
@Command(
        name = "status",
        header = "Shows where every migration stands.",
        description = {
            "Lists every migration of the application and every row of the tracking table, in ID order: ID, kind"
                    + " (code or sql), state (pending, succeeded, FAILED, CHANGED since it succeeded, UNKNOWN to the"
                    + " application), when it last ran (UTC), how long it took, and the first line of its error.",
            "Writes nothing and takes no lock; an SQLite file must exist."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.DATABASE_UNAVAILABLE_HELP})
final class StatusCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    private HelpOption help = new HelpOption();

    @Option(
            names = "--format",
            paramLabel = "table|json",
            defaultValue = "table",
            description = "table for people, json for programs. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Mixin
    private ApplicationOptions application = new ApplicationOptions();

    StatusCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<MigrationStatus> statuses;
        try (Session session = Session.open(context, database, application, false)) {
            statuses = session.runner().build().status();
        }
        if (format == OutputFormat.JSON) {
            context.out().print(StatusFormat.json(statuses));
        } else {
            context.out().print(StatusFormat.statusTable(statuses));
            context.out().println(StatusFormat.summary(statuses));
        }
        return ExitCodes.OK;
    }
}
