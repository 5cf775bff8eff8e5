package dev.godwit.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Migrations that succeeded have changed since: their checksums differ from the recorded ones. Thrown with
 * {@link MigrationRunner.Builder#strictChecksums(boolean) strict checksums} before anything runs (and by
 * {@link MigrationRunner#plan()}), so that nothing is run or written. Without strict checksums a changed migration
 * is logged at WARN instead, and the run goes on.
 *
 * <p>A changed migration is never run again. Either revert the change, so that the migration is again what ran, or
 * accept it with {@link MigrationRunner#acceptChecksums(String...)}, which records the current checksums; work the
 * change should still do belongs in a new migration.
 */
public class MigrationChangedException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String[] migrationIds;

    /**
     * Creates the exception.
     *
     * @param changed the changed migrations, in ID order, each {@link MigrationState#CHANGED}; not empty
     */
    public MigrationChangedException(List<MigrationStatus> changed) {
        super(message(changed));
        this.migrationIds = changed.stream().map(MigrationStatus::id).toArray(String[]::new);
    }

    private static String message(List<MigrationStatus> changed) {
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("no changed migrations");
        }
        StringBuilder message = new StringBuilder()
                .append(
                        changed.size() == 1
                                ? "1 migration has changed since it succeeded"
                                : changed.size() + " migrations have changed since they succeeded")
                .append(" (strict checksums are on, so nothing has run):");
        for (MigrationStatus status : changed) {
            message.append("\n  ")
                    .append(status.id())
                    .append(" (")
                    .append(status.source().orElse("?"))
                    .append("): recorded checksum ")
                    .append(status.recordedChecksum().orElse("none"))
                    .append(", now ")
                    .append(status.checksum().orElse("none"));
        }
        String ids = changed.stream().map(status -> '"' + status.id() + '"').collect(Collectors.joining(", "));
        return message.append("\nA changed migration is not run again. Either revert each change, or accept it:"
                        + " MigrationRunner.builder(jdbi)...build().acceptChecksums(")
                .append(ids)
                .append(") records the current checksums (with no IDs, of every changed migration). Work the change"
                        + " should still do belongs in a new migration.")
                .toString();
    }

    /**
     * Returns the IDs of the changed migrations.
     *
     * @return the IDs, in ID order
     */
    public List<String> migrationIds() {
        return List.of(migrationIds);
    }
}
