package dev.godwit.cli;

import dev.godwit.cli.internal.ExitCodes;
import dev.godwit.runtime.MigrationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code godwit accept-checksums}: records the current checksums of migrations that have changed since they succeeded,
 * through {@link dev.godwit.runtime.MigrationRunner#acceptChecksums(String...)}.
 */
@Command(
        name = "accept-checksums",
        header = "Accepts changed migrations: records their current checksums.",
        description = {
            "A migration that has changed since it succeeded (CHANGED in status) is not run again, and migrate warns"
                    + " about it. For a change made on purpose (a comment, a fix that must not run again), this"
                    + " records its current checksum as its own; whatever the change should still do belongs in a new"
                    + " migration.",
            "Writes the checksums in one transaction and nothing else; an SQLite file must exist."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.DATABASE_UNAVAILABLE_HELP})
final class AcceptChecksumsCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    private HelpOption help = new HelpOption();

    @Parameters(
            paramLabel = "ID",
            arity = "0..*",
            description = "The migrations to accept; none for every changed migration. An ID of no migration, or of"
                    + " one that has not succeeded, is an error, and nothing is written.")
    private List<String> ids = new ArrayList<>();

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Mixin
    private ApplicationOptions application = new ApplicationOptions();

    @Mixin
    private LockOptions lock = new LockOptions();

    AcceptChecksumsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<MigrationStatus> accepted;
        try (Session session = Session.open(context, database, application, false)) {
            lock.applyTo(session.runner());
            accepted = session.runner().build().acceptChecksums(ids.toArray(new String[0]));
        }
        for (MigrationStatus status : accepted) {
            context.out()
                    .println("accepted  " + status.id() + " (" + status.source().orElse("?") + "): "
                            + status.recordedChecksum().orElse("no checksum") + " -> "
                            + status.checksum().orElse("no checksum"));
        }
        if (accepted.isEmpty()) {
            context.out()
                    .println("Nothing to accept: no migration " + (ids.isEmpty() ? "" : "given ") + "has changed.");
        } else {
            context.out()
                    .println(accepted.size() == 1 ? "1 checksum accepted" : accepted.size() + " checksums accepted");
        }
        return ExitCodes.OK;
    }
}
