package dev.godwit.cli;

import dev.godwit.cli.internal.ExitCodes;
import dev.godwit.cli.internal.StatusFormat;
import dev.godwit.runtime.MigrationStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code godwit plan}: what {@code migrate} would run now. */
@Command(
        name = "plan",
        header = "Shows what migrate would run now, in order; changes nothing.",
        description = {
            "Lists the migrations migrate would run now, in the order it would run them: the pending ones and the"
                    + " failed ones. A migration that CHANGED since it succeeded is not run again, so it is not"
                    + " listed (see status).",
            "Writes nothing and takes no lock; an SQLite file must exist."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.DATABASE_UNAVAILABLE_HELP})
final class PlanCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    private HelpOption help = new HelpOption();

    @Option(
            names = "--format",
            paramLabel = "table|json",
            defaultValue = "table",
            description = "table for people, json for programs (the same document as status). Default:"
                    + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Mixin
    private ApplicationOptions application = new ApplicationOptions();

    PlanCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<MigrationStatus> plan;
        try (Session session = Session.open(context, database, application, false)) {
            plan = session.runner().build().plan();
        }
        if (format == OutputFormat.JSON) {
            context.out().print(StatusFormat.json(plan));
        } else if (plan.isEmpty()) {
            context.out().println("Nothing to migrate.");
        } else {
            context.out().print(StatusFormat.planTable(plan));
            context.out().println(plan.size() == 1 ? "1 migration to run" : plan.size() + " migrations to run");
        }
        return ExitCodes.OK;
    }
}
