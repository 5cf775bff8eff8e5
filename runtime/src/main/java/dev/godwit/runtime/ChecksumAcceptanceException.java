package dev.godwit.runtime;

import java.util.List;

/**
 * {@link MigrationRunner#acceptChecksums(String...)} was given IDs whose checksums cannot be accepted: IDs of no
 * migration in code or SQL files, or of migrations that have not succeeded (pending or failed), which have no
 * recorded checksum to replace. Nothing is written.
 */
public class ChecksumAcceptanceException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String[] migrationIds;

    /**
     * Creates the exception.
     *
     * @param migrationIds the IDs that cannot be accepted
     * @param message the IDs, why each cannot be accepted, and the fix
     */
    public ChecksumAcceptanceException(List<String> migrationIds, String message) {
        super(message);
        this.migrationIds = migrationIds.toArray(String[]::new);
    }

    /**
     * Returns the IDs that cannot be accepted.
     *
     * @return the IDs, in ID order
     */
    public List<String> migrationIds() {
        return List.of(migrationIds);
    }
}
