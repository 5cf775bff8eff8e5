package dev.godwit.runtime;

/**
 * A migration names a prerequisite ({@code @Migration(after = ...)}) that cannot be one: an ID that no registry and
 * no SQL file on the class path declares, or one that does not sort before the migration itself. The annotation
 * processor rejects both within one compilation; the runner checks again across jars and SQL files, before any
 * database work, so nothing has run.
 */
public class InvalidPrerequisiteException extends GodwitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message every such prerequisite, naming the migration, the prerequisite and the fix
     */
    public InvalidPrerequisiteException(String message) {
        super(message);
    }
}
