package dev.godwit.runtime;

import java.util.List;

/**
 * Two migrations have the same ID: in two registries (two jars on one class path), twice in one hand-written
 * registry, in the SQL files of two jars or folders, or as a method and a SQL file. The message names every such ID
 * with both declarations: the methods with their registries, the SQL files with their URLs. Thrown before any
 * database work, so nothing has run and no tracking table has been created.
 *
 * <p>Within one compilation the annotation processor already rejects a duplicate ID; this catches the ones that
 * meet only at run time.
 */
public class DuplicateMigrationException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String[] migrationIds;

    /**
     * Creates the exception.
     *
     * @param migrationIds every ID declared more than once, in ID order
     * @param message the IDs, where each is declared, and the fix
     */
    public DuplicateMigrationException(List<String> migrationIds, String message) {
        super(message);
        this.migrationIds = migrationIds.toArray(String[]::new);
    }

    /**
     * Returns every ID that is declared more than once.
     *
     * @return the duplicate IDs, in ID order
     */
    public List<String> migrationIds() {
        return List.of(migrationIds);
    }
}
