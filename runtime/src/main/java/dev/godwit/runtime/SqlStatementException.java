package dev.godwit.runtime;

/**
 * A statement of a SQL migration failed, or is one the runner cannot run: the failure of that migration, with the
 * statement's position in the file. Like any failing migration, the whole file is rolled back, recorded as
 * {@code failed} with this exception as its error, and the run goes on; it is the error of the migration's
 * {@link MigrationResult}, not thrown by the runner.
 */
public class SqlStatementException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String resource;
    private final int statement;
    private final int line;

    /**
     * Creates the exception.
     *
     * @param resource the file's resource path
     * @param statement the statement's position among the file's statements, from 1
     * @param line the line of the file the statement starts on, from 1
     * @param message the file, the statement's position, and what went wrong
     * @param cause the {@link java.sql.SQLException}, or {@code null} when the statement was not run
     */
    public SqlStatementException(String resource, int statement, int line, String message, Throwable cause) {
        super(message, cause);
        this.resource = resource;
        this.statement = statement;
        this.line = line;
    }

    /**
     * Returns the SQL file's resource path, such as {@code db/migration/v3_add_language.sql}.
     *
     * @return the resource path
     */
    public String resource() {
        return resource;
    }

    /**
     * Returns the failed statement's position among the file's statements.
     *
     * @return the statement number, from 1
     */
    public int statement() {
        return statement;
    }

    /**
     * Returns the line of the file the failed statement starts on.
     *
     * @return the line number, from 1
     */
    public int line() {
        return line;
    }
}
